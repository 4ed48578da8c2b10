using Alerts.Core.Configuration;
using Alerts.Core.Feeds;
using Alerts.Core.Security;
using Alerts.Core.Storage;
using Alerts.Functions.Functions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Alerts.Functions.Tests.Functions;

public class FeedsApiTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private readonly Mock<IFeedStore> feeds = new();
    private readonly Mock<IMessageQueue> queue = new();

    public FeedsApiTests() =>
        feeds.Setup(f => f.AddIfAbsentAsync(It.IsAny<FeedRegistration>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((FeedRegistration f, CancellationToken _) => (f, true));

    private FeedsApi Api() => new(new FeedRegistry(
        feeds.Object, queue.Object, new OutboundRequestGuard(new StaticOptionsMonitor<AlertsOptions>(new AlertsOptions())), new FakeTimeProvider(Now), new StaticOptionsMonitor<FeedOptions>(new FeedOptions()), NullLogger<FeedRegistry>.Instance));

    [Fact]
    public async Task Register_returns_201_and_queues_a_first_fetch()
    {
        var result = await Api().Register(Requests.Json("""{"url":"https://news.example.com/rss"}"""), CancellationToken.None);

        var created = Assert.IsType<ObjectResult>(result);
        Assert.Equal(201, created.StatusCode);
        var feed = Assert.IsType<FeedResource>(created.Value);
        Assert.Equal("https://news.example.com/rss", feed.Url);
        Assert.Equal(StableId.From("https://news.example.com/rss"), feed.Id);
        Assert.Equal(Now, feed.Created);
        queue.Verify(q => q.SendAsync(StorageNames.FeedsQueue, new FeedFetchMessage(feed.Id), It.IsAny<CancellationToken>(), null), Times.Once);
    }

    [Fact]
    public async Task Register_of_a_known_feed_returns_200_and_queues_nothing()
    {
        var known = new FeedRegistration { Id = StableId.From("https://news.example.com/rss"), Url = new Uri("https://news.example.com/rss"), Created = Now.AddDays(-3), Title = "News" };
        feeds.Setup(f => f.AddIfAbsentAsync(It.IsAny<FeedRegistration>(), It.IsAny<CancellationToken>())).ReturnsAsync((known, false));

        var result = await Api().Register(Requests.Json("""{"url":"https://news.example.com/rss"}"""), CancellationToken.None);

        var ok = Assert.IsType<ObjectResult>(result);
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal("News", Assert.IsType<FeedResource>(ok.Value).Title);
        queue.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("""{"url":"http://169.254.169.254/latest/meta-data/"}""")]
    [InlineData("""{"url":"http://127.0.0.1/feed"}""")]
    [InlineData("""{"url":"ftp://news.example.com/rss"}""")]
    [InlineData("""{"url":"news.example.com/rss"}""")]
    [InlineData("""{"url":""}""")]
    [InlineData("""{}""")]
    public async Task Register_rejects_missing_or_unsafe_url(string body)
    {
        var result = await Api().Register(Requests.Json(body), CancellationToken.None);

        ProblemAssert.IsProblem(result, 400, "url");
        feeds.Verify(f => f.AddIfAbsentAsync(It.IsAny<FeedRegistration>(), It.IsAny<CancellationToken>()), Times.Never);
        queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Register_names_an_unknown_field()
    {
        ProblemAssert.IsProblem(await Api().Register(Requests.Json("""{"link":"https://news.example.com/rss"}"""), CancellationToken.None), 400, "link");
    }

    [Fact]
    public async Task List_returns_200_with_the_feeds_oldest_first()
    {
        feeds.Setup(f => f.ListAsync(It.IsAny<CancellationToken>())).Returns(new[]
        {
            new FeedRegistration { Id = "new", Url = new Uri("https://b.example.com/rss"), Created = Now },
            new FeedRegistration { Id = "old", Url = new Uri("https://a.example.com/rss"), Created = Now.AddDays(-1) },
        }.ToAsyncEnumerable());

        var result = await Api().List(Requests.Get(), CancellationToken.None);

        var ok = Assert.IsType<OkObjectResult>(result);
        Assert.Equal(["old", "new"], Assert.IsAssignableFrom<IReadOnlyList<FeedResource>>(ok.Value).Select(f => f.Id));
    }
}
