using Alerts.Core.Deals;
using Alerts.Core.Delivery;
using Alerts.Core.Extraction;
using Alerts.Core.Feeds;
using Alerts.Core.Storage;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Alerts.Core.Tests.Deals;

public class DealProcessorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private static readonly MoneyAmount TwoBillion = new(2_000_000_000m, "USD", AmountQualifier.Exact, new TextEvidence(0, 10, "$2 billion"));
    private static readonly TickerMention Googl = new("GOOGL.O", "GOOGL", "XNAS", new TextEvidence(0, 7, "GOOGL.O"));

    private readonly Mock<IDealExtractor> extractor = new();
    private readonly Mock<IDealStore> deals = new();
    private readonly Mock<ISubscriptionStore> subscriptions = new();
    private readonly Mock<IDeliveryStore> deliveries = new();
    private readonly Mock<IMessageQueue> queue = new();
    private readonly List<AlertMessage> queued = [];
    private readonly List<DeliveryRecord> records = [];

    public DealProcessorTests()
    {
        extractor.Setup(e => e.Extract(It.IsAny<string>(), It.IsAny<string?>())).Returns(new ExtractionResult([TwoBillion], [Googl], "en"));
        deals.Setup(d => d.AddIfAbsentAsync(It.IsAny<Deal>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        queue.Setup(q => q.SendAsync(StorageNames.AlertsQueue, It.IsAny<AlertMessage>(), It.IsAny<CancellationToken>(), It.IsAny<TimeSpan?>()))
            .Callback((string _, AlertMessage m, CancellationToken _, TimeSpan? _) => queued.Add(m))
            .Returns(Task.CompletedTask);
        deliveries.Setup(d => d.AddIfAbsentAsync(It.IsAny<DeliveryRecord>(), It.IsAny<CancellationToken>()))
            .Callback((DeliveryRecord r, CancellationToken _) => records.Add(r))
            .ReturnsAsync(true);
        Subscriptions();
    }

    private static ArticleMessage Article => new()
    {
        FeedId = "feed1",
        ItemId = "https://news.example.com/a/1",
        Title = "Alphabet (GOOGL.O) buys startup for $2 billion",
        Summary = "The deal closes next year.",
        Link = "https://news.example.com/a/1",
        Language = "en",
        Published = Now.AddHours(-1),
    };

    private static Subscription Sub(string id, string[]? tickers = null, string[]? keywords = null, bool enabled = true) => new()
    {
        Id = id,
        Channel = SubscriptionChannel.Webhook,
        Target = "https://hooks.example.com/" + id,
        Tickers = tickers ?? [],
        Keywords = keywords ?? [],
        Created = Now,
        Enabled = enabled,
    };

    private void Subscriptions(params Subscription[] list) =>
        subscriptions.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).Returns(() => list.ToAsyncEnumerable());

    private DealProcessor Processor() => new(
        extractor.Object, deals.Object, subscriptions.Object, new AlertDispatcher(deliveries.Object, queue.Object, new FakeTimeProvider(Now), NullLogger<AlertDispatcher>.Instance), new FakeTimeProvider(Now), NullLogger<DealProcessor>.Instance);

    [Fact]
    public async Task Article_without_amount_is_no_deal_and_queues_nothing()
    {
        extractor.Setup(e => e.Extract(It.IsAny<string>(), It.IsAny<string?>())).Returns(new ExtractionResult([], [Googl], "en"));
        Subscriptions(Sub("sub1"));

        var deal = await Processor().ProcessAsync(Article, CancellationToken.None);

        Assert.Null(deal);
        deals.VerifyNoOtherCalls();
        queue.VerifyNoOtherCalls();
        deliveries.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Extracts_from_title_summary_and_content_with_the_article_language()
    {
        await Processor().ProcessAsync(Article with { Content = "Body text." }, CancellationToken.None);

        extractor.Verify(e => e.Extract("Alphabet (GOOGL.O) buys startup for $2 billion\nThe deal closes next year.\nBody text.", "en"), Times.Once);
    }

    [Fact]
    public async Task Article_without_title_is_titled_by_its_link()
    {
        var deal = await Processor().ProcessAsync(Article with { Title = null }, CancellationToken.None);

        Assert.Equal("https://news.example.com/a/1", deal!.Title);
    }

    [Fact]
    public async Task Queues_one_alert_per_matching_subscription_and_records_it_as_queued()
    {
        Subscriptions(Sub("all"), Sub("googl", tickers: ["NASDAQ:GOOGL"]), Sub("msft", tickers: ["MSFT"]), Sub("off", enabled: false), Sub("kw", keywords: ["startup"]));

        var deal = await Processor().ProcessAsync(Article, CancellationToken.None);

        Assert.Equal(["all", "googl", "kw"], queued.Select(m => m.SubscriptionId));
        Assert.All(queued, m => Assert.Equal(deal!.Id, m.DealId));
        Assert.All(queued, m => Assert.Equal(StableId.From(deal!.Id, m.SubscriptionId), m.AlertId));
        Assert.Equal(queued.Select(m => m.AlertId), records.Select(r => r.AlertId));
        Assert.All(records, r => Assert.Equal(DeliveryStatus.Queued, r.Status));
        Assert.All(records, r => Assert.Equal(Now, r.Created));
    }

    [Fact]
    public async Task Queues_nothing_when_no_subscription_matches()
    {
        Subscriptions(Sub("msft", tickers: ["MSFT"]));

        var deal = await Processor().ProcessAsync(Article, CancellationToken.None);

        Assert.NotNull(deal);
        Assert.Empty(queued);
        deliveries.Verify(d => d.AddIfAbsentAsync(It.IsAny<DeliveryRecord>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Queues_the_alert_before_recording_it()
    {
        Subscriptions(Sub("sub1"));
        var order = new List<string>();
        queue.Setup(q => q.SendAsync(StorageNames.AlertsQueue, It.IsAny<AlertMessage>(), It.IsAny<CancellationToken>(), It.IsAny<TimeSpan?>()))
            .Callback(() => order.Add("queue")).Returns(Task.CompletedTask);
        deliveries.Setup(d => d.AddIfAbsentAsync(It.IsAny<DeliveryRecord>(), It.IsAny<CancellationToken>()))
            .Callback(() => order.Add("record")).ReturnsAsync(true);

        await Processor().ProcessAsync(Article, CancellationToken.None);

        Assert.Equal(["queue", "record"], order);
    }

    [Fact]
    public void Describe_formats_amounts_with_invariant_thousands_separators()
    {
        var eur = new MoneyAmount(1_200_000.5m, "EUR", AmountQualifier.Approximate, new TextEvidence(0, 1, "x"));

        Assert.Equal("USD 2,000,000,000; EUR 1,200,000.5", DealProcessor.Describe([TwoBillion, eur]));
    }
}
