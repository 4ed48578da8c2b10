using Alerts.Core.Deals;
using Alerts.Core.Delivery;
using Alerts.Core.Extraction;
using Alerts.Core.Feeds;
using Alerts.Core.Storage;
using Alerts.Core.Subscriptions;
using Alerts.Functions.Functions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Alerts.Functions.Tests.Functions;

public class ExtractDealsFunctionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private readonly Mock<IDealStore> deals = new();
    private readonly Mock<ISubscriptionStore> subscriptions = new();
    private readonly Mock<IDeliveryStore> deliveries = new();
    private readonly Mock<IMessageQueue> queue = new();

    public ExtractDealsFunctionTests()
    {
        deals.Setup(d => d.AddIfAbsentAsync(It.IsAny<Deal>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        subscriptions.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).Returns(() => new[]
        {
            Sub("softbank", tickers: ["TYO:9984"]),
            Sub("alphabet", tickers: ["NASDAQ:GOOGL"]),
            Sub("microsoft", tickers: ["MSFT"]),
            Sub("everything"),
            Sub("paused", enabled: false),
        }.ToAsyncEnumerable());
    }

    private static Subscription Sub(string id, string[]? tickers = null, bool enabled = true) => new()
    {
        Id = id,
        Channel = SubscriptionChannel.Webhook,
        Target = "https://hooks.example.com/" + id,
        Tickers = tickers ?? [],
        Created = Now,
        Enabled = enabled,
    };

    private ExtractDealsFunction Function() => new(new DealProcessor(
        new DealExtractor(), deals.Object, subscriptions.Object, new AlertDispatcher(deliveries.Object, queue.Object, new FakeTimeProvider(Now), NullLogger<AlertDispatcher>.Instance), new FakeTimeProvider(Now), NullLogger<DealProcessor>.Instance));

    private static ArticleMessage Article(string title) => new() { FeedId = "feed1", ItemId = "item1", Title = title, Language = "en" };

    [Fact]
    public async Task Queues_one_alert_per_matching_subscription()
    {
        var deal = await Function().Run(Article("Alphabet (GOOGL.O) agrees to buy a startup for $2.4 billion"), CancellationToken.None);

        Assert.NotNull(deal);
        var expected = new[] { "alphabet", "everything" }.Select(s => new AlertMessage(StableId.From(deal.Id, s), deal.Id, s));
        foreach (var alert in expected)
        {
            queue.Verify(q => q.SendAsync(StorageNames.AlertsQueue, alert, It.IsAny<CancellationToken>(), null), Times.Once);
        }

        queue.Verify(q => q.SendAsync(It.IsAny<string>(), It.IsAny<AlertMessage>(), It.IsAny<CancellationToken>(), It.IsAny<TimeSpan?>()), Times.Exactly(2));
        deliveries.Verify(d => d.AddIfAbsentAsync(It.Is<DeliveryRecord>(r => r.Status == DeliveryStatus.Queued), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task Article_without_amount_queues_nothing()
    {
        var deal = await Function().Run(Article("Alphabet (GOOGL.O) names a new chief financial officer"), CancellationToken.None);

        Assert.Null(deal);
        queue.VerifyNoOtherCalls();
        deals.Verify(d => d.AddIfAbsentAsync(It.IsAny<Deal>(), It.IsAny<CancellationToken>()), Times.Never);
    }

}
