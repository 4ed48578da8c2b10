using System.Net;
using Alerts.Core.Configuration;
using Alerts.Core.Feeds;
using Alerts.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Alerts.Core.Tests.Feeds;

public sealed class FeedFetcherTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider clock = new(Start);
    private readonly FeedOptions settings = new() { DefaultInterval = TimeSpan.FromMinutes(15), MaxConsecutiveFailures = 3 };
    private readonly Mock<IFeedStore> feeds = new();
    private readonly Mock<IFeedItemStore> items = new();
    private readonly Mock<IMessageQueue> queue = new();
    private readonly Mock<IFeedParser> parser = new();
    private readonly StubHandler http = new();
    private FeedRegistration stored = new() { Id = "feed-1", Url = new Uri("https://news.example.com/rss"), Created = Start };

    public FeedFetcherTests()
    {
        feeds.Setup(f => f.GetAsync("feed-1", It.IsAny<CancellationToken>())).ReturnsAsync(() => stored);
        feeds.Setup(f => f.UpdateAsync("feed-1", It.IsAny<Func<FeedRegistration, FeedRegistration?>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, Func<FeedRegistration, FeedRegistration?> change, CancellationToken _) => stored = change(stored)!);
        items.Setup(i => i.LoadAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(new Dictionary<string, SeenItem>());
        parser.Setup(p => p.Parse(It.IsAny<Stream>(), It.IsAny<FeedParseContext>()))
            .Returns(new ParsedFeed("Wire", null, "en", [new FeedEntry { Id = "g1", Title = "SoftBank $2bn", Link = "https://news.example.com/1" }]));
    }

    [Fact]
    public async Task A_successful_poll_schedules_the_next_one_an_interval_later_and_queues_new_items()
    {
        http.Respond(HttpStatusCode.OK);

        var queued = await Fetcher().FetchAsync("feed-1", default);

        Assert.Equal(1, queued);
        Assert.Equal(Start + settings.DefaultInterval, stored.NextPoll);
        Assert.Equal(Start, stored.LastPolled);
        queue.Verify(q => q.SendAsync(StorageNames.ArticlesQueue, It.Is<ArticleMessage>(a => a.ItemId == "g1"), It.IsAny<CancellationToken>(), null), Times.Once);
        items.Verify(i => i.SaveAsync("feed-1", It.Is<IReadOnlyCollection<SeenItem>>(s => s.Count == 1), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task The_feeds_own_interval_and_an_rss_ttl_longer_than_it_are_honoured()
    {
        stored = stored with { Interval = TimeSpan.FromMinutes(30) };
        parser.Setup(p => p.Parse(It.IsAny<Stream>(), It.IsAny<FeedParseContext>()))
            .Returns(new ParsedFeed("Wire", null, "en", []) { TimeToLive = TimeSpan.FromHours(2) });
        http.Respond(HttpStatusCode.OK);

        await Fetcher().FetchAsync("feed-1", default);

        Assert.Equal(Start + TimeSpan.FromHours(2), stored.NextPoll);
    }

    [Fact]
    public async Task A_503_with_retry_after_counts_as_a_failure_and_waits_at_least_that_long()
    {
        http.Respond(HttpStatusCode.ServiceUnavailable, r => r.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromHours(4)));

        await Fetcher().FetchAsync("feed-1", default);

        Assert.Equal(1, stored.ConsecutiveFailures);
        Assert.Equal("HTTP 503 Service Unavailable", stored.LastError);
        Assert.Equal(Start + TimeSpan.FromHours(4), stored.NextPoll);
        queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_feed_failing_max_consecutive_failures_times_is_disabled_with_the_reason()
    {
        http.Respond(HttpStatusCode.InternalServerError);
        var fetcher = Fetcher();

        for (var i = 1; i <= settings.MaxConsecutiveFailures; i++)
        {
            Assert.True(stored.Enabled);
            clock.SetUtcNow(stored.NextPoll ?? Start);
            await fetcher.FetchAsync("feed-1", default);
        }

        Assert.False(stored.Enabled);
        Assert.Equal(3, stored.ConsecutiveFailures);
        Assert.Contains("3 consecutive failures", stored.DisabledReason, StringComparison.Ordinal);
        Assert.Contains("HTTP 500", stored.DisabledReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_back_off_exponentially_and_a_success_resets_them()
    {
        http.Respond(HttpStatusCode.BadGateway);
        var fetcher = Fetcher();

        await fetcher.FetchAsync("feed-1", default);
        Assert.Equal(Start + TimeSpan.FromMinutes(30), stored.NextPoll);
        clock.SetUtcNow(stored.NextPoll!.Value);
        await fetcher.FetchAsync("feed-1", default);
        Assert.Equal(clock.GetUtcNow() + TimeSpan.FromMinutes(60), stored.NextPoll);

        http.Respond(HttpStatusCode.OK);
        clock.SetUtcNow(stored.NextPoll!.Value);
        await fetcher.FetchAsync("feed-1", default);

        Assert.Equal(0, stored.ConsecutiveFailures);
        Assert.Null(stored.LastError);
        Assert.Equal(clock.GetUtcNow() + settings.DefaultInterval, stored.NextPoll);
    }

    [Fact]
    public async Task A_duplicate_message_for_a_feed_not_yet_due_fetches_nothing()
    {
        stored = stored with { NextPoll = Start.AddMinutes(5) };
        http.Respond(HttpStatusCode.OK);

        Assert.Equal(0, await Fetcher().FetchAsync("feed-1", default));
        Assert.Equal(0, http.Calls);
    }

    [Fact]
    public async Task A_304_keeps_the_validators_and_queues_nothing()
    {
        stored = stored with { ETag = "\"v1\"", LastModified = "Tue, 24 Nov 2026 10:00:00 GMT" };
        http.Respond(HttpStatusCode.NotModified);

        await Fetcher().FetchAsync("feed-1", default);

        Assert.Equal("\"v1\"", http.LastRequest!.Headers.GetValues("If-None-Match").Single());
        Assert.Equal("Tue, 24 Nov 2026 10:00:00 GMT", http.LastRequest.Headers.GetValues("If-Modified-Since").Single());
        Assert.Equal("\"v1\"", stored.ETag);
        Assert.Equal(Start + settings.DefaultInterval, stored.NextPoll);
        queue.VerifyNoOtherCalls();
        parser.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task The_language_set_on_the_feed_wins_over_the_documents()
    {
        stored = stored with { Language = "fr" };
        http.Respond(HttpStatusCode.OK);

        await Fetcher().FetchAsync("feed-1", default);

        queue.Verify(q => q.SendAsync(StorageNames.ArticlesQueue, It.Is<ArticleMessage>(a => a.Language == "fr"), It.IsAny<CancellationToken>(), null));
    }

    [Fact]
    public async Task Requests_name_alerts_in_the_user_agent()
    {
        http.Respond(HttpStatusCode.OK);

        await Fetcher().FetchAsync("feed-1", default);

        Assert.StartsWith("Alerts/", http.LastRequest!.Headers.UserAgent.ToString(), StringComparison.Ordinal);
    }

    private FeedFetcher Fetcher()
    {
        var factory = new Mock<IHttpClientFactory>();
        factory.Setup(f => f.CreateClient(FeedFetcher.HttpClientName)).Returns(() => new HttpClient(http, disposeHandler: false));
        return new FeedFetcher(
            factory.Object, parser.Object, feeds.Object, items.Object, queue.Object,
            new HostThrottle(Options.Create(settings)), clock, Mock.Of<IOptionsMonitor<FeedOptions>>(o => o.CurrentValue == settings),
            NullLogger<FeedFetcher>.Instance);
    }

    private sealed class StubHandler : HttpMessageHandler
    {
        private HttpStatusCode status = HttpStatusCode.OK;
        private Action<HttpResponseMessage>? decorate;

        public int Calls { get; private set; }

        public HttpRequestMessage? LastRequest { get; private set; }

        public void Respond(HttpStatusCode code, Action<HttpResponseMessage>? headers = null)
        {
            status = code;
            decorate = headers;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            LastRequest = request;
            var response = new HttpResponseMessage(status) { Content = new StringContent("<rss/>"), RequestMessage = request };
            decorate?.Invoke(response);
            return Task.FromResult(response);
        }
    }
}
