using System.Net;
using Alerts.Core.Configuration;
using Alerts.Core.Feeds;
using Alerts.Core.Storage;
using Alerts.Functions.Functions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Alerts.Functions.Tests.Functions;

public class FetchFeedFunctionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Fetches_the_feed_named_by_the_message_and_queues_its_new_items()
    {
        var feeds = new Mock<IFeedStore>();
        feeds.Setup(f => f.GetAsync("feed1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new FeedRegistration { Id = "feed1", Url = new Uri("https://news.example.com/rss"), Created = Now });
        var parser = new Mock<IFeedParser>();
        parser.Setup(p => p.Parse(It.IsAny<Stream>(), It.IsAny<FeedParseContext>()))
            .Returns(new ParsedFeed("News", null, "en", [new FeedEntry { Id = "item1", Title = "SoftBank invests $30 billion" }]));
        var queue = new Mock<IMessageQueue>();
        var requested = new List<Uri?>();
        var handler = new StubHandler(r =>
        {
            requested.Add(r.RequestUri);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("<rss/>") };
        });
        var clients = new Mock<IHttpClientFactory>();
        clients.Setup(c => c.CreateClient(FeedFetcher.HttpClientName)).Returns(() => new HttpClient(handler, disposeHandler: false));
        var function = new FetchFeedFunction(new FeedFetcher(
            clients.Object, parser.Object, feeds.Object, SeenNothing(), queue.Object, new HostThrottle(Microsoft.Extensions.Options.Options.Create(new FeedOptions())), new FakeTimeProvider(Now),
            new StaticOptionsMonitor<FeedOptions>(new FeedOptions()), NullLogger<FeedFetcher>.Instance));

        var queued = await function.Run(new FeedFetchMessage("feed1"), CancellationToken.None);

        Assert.Equal(1, queued);
        Assert.Equal([new Uri("https://news.example.com/rss")], requested);
        queue.Verify(q => q.SendAsync(StorageNames.ArticlesQueue, It.Is<ArticleMessage>(a => a.FeedId == "feed1" && a.ItemId == "item1"), It.IsAny<CancellationToken>(), null), Times.Once);
    }

    private static IFeedItemStore SeenNothing()
    {
        var store = new Mock<IFeedItemStore>();
        store.Setup(s => s.LoadAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(new Dictionary<string, SeenItem>());
        return store.Object;
    }
}
