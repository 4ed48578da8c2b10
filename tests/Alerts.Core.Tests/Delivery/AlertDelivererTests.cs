using Alerts.Core.Deals;
using Alerts.Core.Delivery;
using Alerts.Core.Extraction;
using Alerts.Core.Storage;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Alerts.Core.Tests.Delivery;

public class AlertDelivererTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private static readonly AlertMessage Alert = new("alert1", "deal1", "sub1");

    private static readonly Deal StoredDeal = new()
    {
        Id = "deal1",
        FeedId = "feed1",
        ItemId = "item1",
        Title = "SoftBank to invest $30 billion",
        Amounts = [new MoneyAmount(30_000_000_000m, "USD", AmountQualifier.Exact, new TextEvidence(0, 11, "$30 billion"))],
        Tickers = [],
        Created = Now,
    };

    private readonly Mock<IAlertChannel> webhook = new();
    private readonly Mock<IDealStore> deals = new();
    private readonly Mock<ISubscriptionStore> subscriptions = new();
    private readonly Mock<IDeliveryStore> deliveries = new();
    private readonly List<DeliveryRecord> upserts = [];

    public AlertDelivererTests()
    {
        webhook.SetupGet(c => c.Channel).Returns(SubscriptionChannel.Webhook);
        deals.Setup(d => d.GetAsync("deal1", It.IsAny<CancellationToken>())).ReturnsAsync(StoredDeal);
        subscriptions.Setup(s => s.GetAsync("sub1", It.IsAny<CancellationToken>())).ReturnsAsync(Subscription());
        deliveries.Setup(d => d.UpsertAsync(It.IsAny<DeliveryRecord>(), It.IsAny<CancellationToken>()))
            .Callback((DeliveryRecord r, CancellationToken _) => upserts.Add(r)).Returns(Task.CompletedTask);
    }

    private static Subscription Subscription(bool enabled = true) => new()
    {
        Id = "sub1",
        Channel = SubscriptionChannel.Webhook,
        Target = "https://hooks.example.com/alerts",
        Created = Now,
        Enabled = enabled,
    };

    private static DeliveryRecord Record(DeliveryStatus status, int attempts = 0) => new()
    {
        SubscriptionId = "sub1",
        AlertId = "alert1",
        DealId = "deal1",
        Status = status,
        Attempts = attempts,
        Created = Now.AddMinutes(-5),
    };

    private void Channel(DeliveryAttempt attempt) =>
        webhook.Setup(c => c.SendAsync("alert1", StoredDeal, It.Is<Subscription>(s => s.Id == "sub1"), It.IsAny<CancellationToken>())).ReturnsAsync(attempt);

    private void Existing(DeliveryRecord? record) =>
        deliveries.Setup(d => d.GetAsync("sub1", "alert1", It.IsAny<CancellationToken>())).ReturnsAsync(record);

    private AlertDeliverer Deliverer() => new(
        [webhook.Object], deals.Object, subscriptions.Object, deliveries.Object, new FakeTimeProvider(Now), NullLogger<AlertDeliverer>.Instance);

    [Fact]
    public async Task Delivers_a_queued_alert_and_records_it_as_delivered()
    {
        Existing(Record(DeliveryStatus.Queued));
        Channel(DeliveryAttempt.Success);

        var status = await Deliverer().DeliverAsync(Alert, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Delivered, status);
        var record = Assert.Single(upserts);
        Assert.Equal(DeliveryStatus.Delivered, record.Status);
        Assert.Equal(1, record.Attempts);
        Assert.Equal(Now, record.Delivered);
        Assert.Equal(Now.AddMinutes(-5), record.Created);
    }

    [Fact]
    public async Task Delivers_when_no_record_exists_yet()
    {
        Existing(null);
        Channel(DeliveryAttempt.Success);

        Assert.Equal(DeliveryStatus.Delivered, await Deliverer().DeliverAsync(Alert, CancellationToken.None));
        Assert.Equal(Now, Assert.Single(upserts).Created);
    }

    [Theory]
    [InlineData(DeliveryStatus.Delivered)]
    [InlineData(DeliveryStatus.Failed)]
    public async Task Alert_already_delivered_or_failed_sends_nothing(DeliveryStatus done)
    {
        Existing(Record(done, attempts: 1));

        var status = await Deliverer().DeliverAsync(Alert, CancellationToken.None);

        Assert.Equal(done, status);
        webhook.Verify(c => c.SendAsync(It.IsAny<string>(), It.IsAny<Deal>(), It.IsAny<Subscription>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Empty(upserts);
    }

    [Fact]
    public async Task Permanent_failure_records_failed_and_does_not_throw()
    {
        Existing(Record(DeliveryStatus.Queued));
        Channel(new DeliveryAttempt(false, "410 Gone: the receiver asked to stop", Permanent: true));

        var status = await Deliverer().DeliverAsync(Alert, CancellationToken.None);

        Assert.Equal(DeliveryStatus.Failed, status);
        var record = Assert.Single(upserts);
        Assert.Equal(DeliveryStatus.Failed, record.Status);
        Assert.Equal("410 Gone: the receiver asked to stop", record.LastError);
        Assert.Equal(1, record.Attempts);
    }

    [Fact]
    public async Task Transient_failure_counts_the_attempt_and_throws_for_the_queue_to_retry()
    {
        Existing(Record(DeliveryStatus.Queued, attempts: 2));
        Channel(new DeliveryAttempt(false, "HTTP 503"));

        var ex = await Assert.ThrowsAsync<AlertDeliveryException>(() => Deliverer().DeliverAsync(Alert, CancellationToken.None));

        Assert.Contains("HTTP 503", ex.Message, StringComparison.Ordinal);
        var record = Assert.Single(upserts);
        Assert.Equal(DeliveryStatus.Queued, record.Status);
        Assert.Equal(3, record.Attempts);
        Assert.Equal("HTTP 503", record.LastError);
    }

    [Fact]
    public async Task Deleted_subscription_fails_the_alert_without_sending()
    {
        Existing(Record(DeliveryStatus.Queued));
        subscriptions.Setup(s => s.GetAsync("sub1", It.IsAny<CancellationToken>())).ReturnsAsync((Subscription?)null);

        Assert.Equal(DeliveryStatus.Failed, await Deliverer().DeliverAsync(Alert, CancellationToken.None));
        Assert.Equal("subscription deleted", Assert.Single(upserts).LastError);
        webhook.Verify(c => c.SendAsync(It.IsAny<string>(), It.IsAny<Deal>(), It.IsAny<Subscription>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Disabled_subscription_fails_the_alert_without_sending()
    {
        Existing(Record(DeliveryStatus.Queued));
        subscriptions.Setup(s => s.GetAsync("sub1", It.IsAny<CancellationToken>())).ReturnsAsync(Subscription(enabled: false));

        Assert.Equal(DeliveryStatus.Failed, await Deliverer().DeliverAsync(Alert, CancellationToken.None));
        Assert.Equal("subscription disabled", Assert.Single(upserts).LastError);
        webhook.Verify(c => c.SendAsync(It.IsAny<string>(), It.IsAny<Deal>(), It.IsAny<Subscription>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Missing_deal_throws_for_retry()
    {
        Existing(Record(DeliveryStatus.Queued));
        deals.Setup(d => d.GetAsync("deal1", It.IsAny<CancellationToken>())).ReturnsAsync((Deal?)null);

        await Assert.ThrowsAsync<AlertDeliveryException>(() => Deliverer().DeliverAsync(Alert, CancellationToken.None));
    }
}
