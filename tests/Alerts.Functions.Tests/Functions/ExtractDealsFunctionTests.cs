using Alerts.Core.Configuration;
using Alerts.Core.Deals;
using Alerts.Core.Delivery;
using Alerts.Core.Extraction;
using Alerts.Core.Feeds;
using Alerts.Core.Storage;
using Alerts.Core.Subscriptions;
using Alerts.Core.Subscriptions.Matching;
using Alerts.Functions.Functions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Alerts.Functions.Tests.Functions;

public class ExtractDealsFunctionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private readonly Mock<IDealStore> deals = new();
    private readonly Mock<ISubscriptionStore> subscriptions = new();
    private readonly Mock<IWatchlistStore> watchlists = new();
    private readonly Mock<IDeliveryStore> deliveries = new();
    private readonly Mock<IMessageQueue> queue = new();
    private readonly List<AlertMessage> queued = [];

    public ExtractDealsFunctionTests()
    {
        deals.Setup(d => d.AddIfAbsentAsync(It.IsAny<Deal>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        watchlists.Setup(w => w.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
        subscriptions.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).Returns(() => new[]
        {
            new Subscription { Id = "softbank", Channel = SubscriptionChannel.Webhook, Target = "https://hooks.example.com/a", Tickers = ["TYO:9984"], Created = Now },
            new Subscription { Id = "vodafone", Channel = SubscriptionChannel.Webhook, Target = "https://hooks.example.com/b", Tickers = ["VOD.L"], Created = Now },
        }.ToAsyncEnumerable());
        queue.Setup(q => q.SendAsync(StorageNames.AlertsQueue, It.IsAny<AlertMessage>(), It.IsAny<CancellationToken>(), It.IsAny<TimeSpan?>()))
            .Callback((string _, AlertMessage m, CancellationToken _, TimeSpan? _) => queued.Add(m)).Returns(Task.CompletedTask);
    }

    private ExtractDealsFunction Function()
    {
        var clock = new FakeTimeProvider(Now);
        var valuer = new ApproximateUsdValuer();
        var index = new SubscriptionIndexProvider(subscriptions.Object, watchlists.Object, valuer,
            Mock.Of<IOptionsMonitor<MatchingOptions>>(o => o.CurrentValue == new MatchingOptions()), clock, NullLogger<SubscriptionIndexProvider>.Instance);
        var alerts = new AlertDispatcher(deliveries.Object, queue.Object, clock, NullLogger<AlertDispatcher>.Instance);
        // Every story key is free: the article keeps its own deal id.
        var storyKeys = new Mock<IStoryKeyStore>();
        storyKeys.Setup(k => k.ClaimAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<TimeSpan?>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, string dealId, TimeSpan? _, DateTimeOffset _, CancellationToken _) => dealId);
        var options = Mock.Of<IOptionsMonitor<DealOptions>>(o => o.CurrentValue == new DealOptions());
        return new ExtractDealsFunction(new DealProcessor(new DealExtractor(), deals.Object, storyKeys.Object, options, index, valuer, alerts, clock, NullLogger<DealProcessor>.Instance));
    }

    private static ArticleMessage Article(string title) =>
        new() { FeedId = "feed1", ItemId = "item1", Title = title, Link = "https://news.example.com/a/1", Language = "en" };

    [Fact]
    public async Task An_article_with_an_amount_becomes_a_deal_and_alerts_the_matching_subscription_only()
    {
        var deal = await Function().Run(Article("SoftBank (9984.T) may invest up to $30 billion in AI"), CancellationToken.None);

        Assert.NotNull(deal);
        Assert.Equal(30_000_000_000m, Assert.Single(deal.Amounts).Value);
        Assert.Equal(30_000_000_000m, deal.LargestUsd);
        Assert.Equal("softbank", Assert.Single(queued).SubscriptionId);
        deals.Verify(d => d.AddIfAbsentAsync(It.Is<Deal>(x => x.Tickers.Any(t => t.Symbol == "9984.T")), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task An_article_without_an_amount_is_no_deal_and_queues_nothing()
    {
        var deal = await Function().Run(Article("SoftBank (9984.T) shares rose 3% on Monday"), CancellationToken.None);

        Assert.Null(deal);
        Assert.Empty(queued);
        deals.Verify(d => d.AddIfAbsentAsync(It.IsAny<Deal>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
