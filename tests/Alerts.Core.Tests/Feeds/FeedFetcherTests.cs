using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Alerts.Core.Configuration;
using Alerts.Core.Feeds;
using Alerts.Core.Storage;
using Alerts.Core.Tests.Delivery;
using Alerts.Core.Tests.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Alerts.Core.Tests.Feeds;

public class FeedFetcherTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private static readonly Uri FeedUrl = new("https://news.example.com/rss");
    private const string Document = "<rss version=\"2.0\"><channel><title>News</title></channel></rss>";

    private readonly Mock<IFeedParser> parser = new();
    private readonly Mock<IFeedStore> feeds = new();
    private readonly Mock<IFeedItemStore> seen = new();
    private readonly Mock<IMessageQueue> queue = new();
    private readonly List<HttpRequestMessage> requests = [];
    private readonly List<FeedRegistration> updates = [];
    private readonly List<ArticleMessage> articles = [];
    private readonly FeedOptions options = new() { MaxResponseBytes = 1024 };
    private Func<HttpResponseMessage> respond = () => Ok(Document);

    public FeedFetcherTests()
    {
        Stored(new FeedRegistration { Id = "feed1", Url = FeedUrl, Created = Now.AddDays(-1) });
        feeds.Setup(f => f.UpdateAsync(It.IsAny<FeedRegistration>(), It.IsAny<CancellationToken>()))
            .Callback((FeedRegistration f, CancellationToken _) => updates.Add(f)).Returns(Task.CompletedTask);
        queue.Setup(q => q.SendAsync(StorageNames.ArticlesQueue, It.IsAny<ArticleMessage>(), It.IsAny<CancellationToken>(), It.IsAny<TimeSpan?>()))
            .Callback((string _, ArticleMessage a, CancellationToken _, TimeSpan? _) => articles.Add(a)).Returns(Task.CompletedTask);
        Parsed(new FeedEntry { Id = "item1", Title = "SoftBank invests $30 billion", Link = "https://news.example.com/a/1" });
    }

    private static HttpResponseMessage Ok(string body) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(body, Encoding.UTF8, "application/rss+xml"),
    };

    private void Stored(FeedRegistration feed) =>
        feeds.Setup(f => f.GetAsync(feed.Id, It.IsAny<CancellationToken>())).ReturnsAsync(feed);

    private void Parsed(params FeedEntry[] entries) =>
        parser.Setup(p => p.Parse(It.IsAny<Stream>(), It.IsAny<FeedParseContext>())).Returns(new ParsedFeed("News", null, "en", entries));

    private FeedFetcher Fetcher()
    {
        var handler = new StubHandler(request =>
        {
            requests.Add(request);
            return Task.FromResult(respond());
        });
        var factory = new Mock<IHttpClientFactory>();
        factory.Setup(f => f.CreateClient(FeedFetcher.HttpClientName)).Returns(() => new HttpClient(handler, disposeHandler: false));
        return new FeedFetcher(factory.Object, parser.Object, feeds.Object, seen.Object, queue.Object, new FakeTimeProvider(Now),
            new StaticOptionsMonitor<FeedOptions>(options), NullLogger<FeedFetcher>.Instance);
    }

    [Fact]
    public async Task New_item_is_queued_then_marked_seen()
    {
        var order = new List<string>();
        queue.Setup(q => q.SendAsync(StorageNames.ArticlesQueue, It.IsAny<ArticleMessage>(), It.IsAny<CancellationToken>(), It.IsAny<TimeSpan?>()))
            .Callback((string _, ArticleMessage a, CancellationToken _, TimeSpan? _) => { articles.Add(a); order.Add("queue"); }).Returns(Task.CompletedTask);
        seen.Setup(s => s.MarkSeenAsync("feed1", "item1", It.IsAny<CancellationToken>())).Callback(() => order.Add("seen")).Returns(Task.CompletedTask);

        var queued = await Fetcher().FetchAsync("feed1", CancellationToken.None);

        Assert.Equal(1, queued);
        var article = Assert.Single(articles);
        Assert.Equal(("feed1", "item1", "SoftBank invests $30 billion", "en"), (article.FeedId, article.ItemId, article.Title, article.Language));
        Assert.Equal(["queue", "seen"], order);
    }

    [Fact]
    public async Task Seen_item_is_not_queued_again()
    {
        Parsed(new FeedEntry { Id = "old" }, new FeedEntry { Id = "new" });
        seen.Setup(s => s.HasSeenAsync("feed1", "old", It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var queued = await Fetcher().FetchAsync("feed1", CancellationToken.None);

        Assert.Equal(1, queued);
        Assert.Equal("new", Assert.Single(articles).ItemId);
        seen.Verify(s => s.MarkSeenAsync("feed1", "old", It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Successful_poll_stores_validators_title_and_clears_failures()
    {
        Stored(new FeedRegistration { Id = "feed1", Url = FeedUrl, Created = Now.AddDays(-1), ConsecutiveFailures = 3, LastError = "timeout" });
        respond = () =>
        {
            var response = Ok(Document);
            response.Headers.ETag = new EntityTagHeaderValue("\"v2\"");
            response.Content.Headers.LastModified = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
            return response;
        };

        await Fetcher().FetchAsync("feed1", CancellationToken.None);

        var update = Assert.Single(updates);
        Assert.Equal("\"v2\"", update.ETag);
        Assert.Equal("Wed, 25 Nov 2026 12:00:00 GMT", update.LastModified);
        Assert.Equal("News", update.Title);
        Assert.Equal(Now, update.LastPolled);
        Assert.Equal(0, update.ConsecutiveFailures);
        Assert.Null(update.LastError);
    }

    [Fact]
    public async Task Sends_conditional_headers_when_validators_are_stored()
    {
        Stored(new FeedRegistration { Id = "feed1", Url = FeedUrl, Created = Now, ETag = "\"v1\"", LastModified = "Tue, 24 Nov 2026 08:00:00 GMT" });

        await Fetcher().FetchAsync("feed1", CancellationToken.None);

        var request = Assert.Single(requests);
        Assert.Equal(FeedUrl, request.RequestUri);
        Assert.Equal("\"v1\"", Assert.Single(request.Headers.GetValues("If-None-Match")));
        Assert.Equal("Tue, 24 Nov 2026 08:00:00 GMT", Assert.Single(request.Headers.GetValues("If-Modified-Since")));
        Assert.Contains("Alerts/1.0", request.Headers.UserAgent.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sends_no_conditional_headers_without_stored_validators()
    {
        await Fetcher().FetchAsync("feed1", CancellationToken.None);

        var request = Assert.Single(requests);
        Assert.False(request.Headers.Contains("If-None-Match"));
        Assert.False(request.Headers.Contains("If-Modified-Since"));
    }

    [Fact]
    public async Task Not_modified_queues_nothing_and_keeps_the_validators()
    {
        Stored(new FeedRegistration { Id = "feed1", Url = FeedUrl, Created = Now, Title = "News", ETag = "\"v1\"", LastModified = "Tue, 24 Nov 2026 08:00:00 GMT" });
        respond = () => new HttpResponseMessage(HttpStatusCode.NotModified);

        var queued = await Fetcher().FetchAsync("feed1", CancellationToken.None);

        Assert.Equal(0, queued);
        Assert.Empty(articles);
        parser.VerifyNoOtherCalls();
        var update = Assert.Single(updates);
        Assert.Equal("\"v1\"", update.ETag);
        Assert.Equal("Tue, 24 Nov 2026 08:00:00 GMT", update.LastModified);
        Assert.Equal("News", update.Title);
        Assert.Equal(Now, update.LastPolled);
    }

    [Fact]
    public async Task Response_declared_over_the_size_limit_is_a_recorded_failure_and_queues_nothing()
    {
        Stored(new FeedRegistration { Id = "feed1", Url = FeedUrl, Created = Now, ConsecutiveFailures = 1 });
        respond = () => Ok(new string('x', 2048));

        var queued = await Fetcher().FetchAsync("feed1", CancellationToken.None);

        Assert.Equal(0, queued);
        Assert.Empty(articles);
        parser.VerifyNoOtherCalls();
        var update = Assert.Single(updates);
        Assert.Equal("The feed is larger than the limit of 1024 bytes.", update.LastError);
        Assert.Equal(2, update.ConsecutiveFailures);
        Assert.Equal(Now, update.LastPolled);
    }

    [Fact]
    public async Task Streamed_response_over_the_size_limit_is_a_recorded_failure_and_queues_nothing()
    {
        respond = () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new UnknownLengthStream(new byte[4096])) };

        var queued = await Fetcher().FetchAsync("feed1", CancellationToken.None);

        Assert.Equal(0, queued);
        Assert.Empty(articles);
        parser.VerifyNoOtherCalls();
        Assert.Equal("The feed is larger than the limit of 1024 bytes.", Assert.Single(updates).LastError);
    }

    [Fact]
    public async Task Http_error_is_a_recorded_failure_and_queues_nothing()
    {
        respond = () => new HttpResponseMessage(HttpStatusCode.InternalServerError);

        var queued = await Fetcher().FetchAsync("feed1", CancellationToken.None);

        Assert.Equal(0, queued);
        var update = Assert.Single(updates);
        Assert.Equal(1, update.ConsecutiveFailures);
        Assert.Contains("500", update.LastError, StringComparison.Ordinal);
    }

    public static TheoryData<Exception> ResiliencePipelineRejections => new()
    {
        new Polly.Timeout.TimeoutRejectedException("The operation didn't complete within the allowed timeout of '00:00:30'."),
        new Polly.CircuitBreaker.BrokenCircuitException("The circuit is now open and is not allowing calls."),
    };

    [Theory]
    [MemberData(nameof(ResiliencePipelineRejections))]
    public async Task Rejection_by_the_resilience_pipeline_is_a_recorded_failure_and_queues_nothing(Exception rejection)
    {
        respond = () => throw rejection;

        var queued = await Fetcher().FetchAsync("feed1", CancellationToken.None);

        Assert.Equal(0, queued);
        Assert.Empty(articles);
        var update = Assert.Single(updates);
        Assert.Equal(1, update.ConsecutiveFailures);
        Assert.Equal(rejection.Message, update.LastError);
    }

    [Fact]
    public async Task Unparseable_document_is_a_recorded_failure()
    {
        parser.Setup(p => p.Parse(It.IsAny<Stream>(), It.IsAny<FeedParseContext>())).Throws(new FeedFormatException("not a feed"));

        var queued = await Fetcher().FetchAsync("feed1", CancellationToken.None);

        Assert.Equal(0, queued);
        Assert.Equal("not a feed", Assert.Single(updates).LastError);
    }

    [Fact]
    public async Task Passes_content_type_and_url_to_the_parser()
    {
        await Fetcher().FetchAsync("feed1", CancellationToken.None);

        parser.Verify(p => p.Parse(It.IsAny<Stream>(), new FeedParseContext("application/rss+xml; charset=utf-8", FeedUrl)), Times.Once);
    }

    [Fact]
    public async Task Queues_at_most_MaxItemsPerPoll_items()
    {
        options.MaxItemsPerPoll = 2;
        Parsed(new FeedEntry { Id = "a" }, new FeedEntry { Id = "b" }, new FeedEntry { Id = "c" });

        var queued = await Fetcher().FetchAsync("feed1", CancellationToken.None);

        Assert.Equal(2, queued);
        Assert.Equal(["a", "b"], articles.Select(a => a.ItemId));
    }

    [Fact]
    public async Task Long_texts_are_cut_to_fit_a_queue_message()
    {
        Parsed(new FeedEntry { Id = "a", Title = "t", Content = new string('c', 20_000) });

        await Fetcher().FetchAsync("feed1", CancellationToken.None);

        Assert.Equal(16_000, Assert.Single(articles).Content!.Length);
    }

    [Fact]
    public async Task Unknown_feed_fetches_nothing()
    {
        feeds.Setup(f => f.GetAsync("gone", It.IsAny<CancellationToken>())).ReturnsAsync((FeedRegistration?)null);

        Assert.Equal(0, await Fetcher().FetchAsync("gone", CancellationToken.None));
        Assert.Empty(requests);
        Assert.Empty(updates);
    }

    [Fact]
    public async Task Disabled_feed_fetches_nothing()
    {
        Stored(new FeedRegistration { Id = "feed1", Url = FeedUrl, Created = Now, Enabled = false });

        Assert.Equal(0, await Fetcher().FetchAsync("feed1", CancellationToken.None));
        Assert.Empty(requests);
        Assert.Empty(updates);
    }

    /// <summary>A readable stream that does not tell its length, as a chunked response body.</summary>
    private sealed class UnknownLengthStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
