using Alerts.Core.Deals;
using Alerts.Core.Delivery;
using Alerts.Core.Extraction;
using Alerts.Core.Storage;
using Alerts.Core.Subscriptions;
using Alerts.Functions.Functions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Alerts.Functions.Tests.Functions;

public class DeliverAlertsFunctionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private static readonly AlertMessage Alert = new("alert1", "deal1", "sub1");

    private readonly Mock<IAlertChannel> channel = new();
    private readonly Mock<IDealStore> deals = new();
    private readonly Mock<ISubscriptionStore> subscriptions = new();
    private readonly Mock<IDeliveryStore> deliveries = new();
    private readonly List<DeliveryRecord> upserts = [];

    public DeliverAlertsFunctionTests()
    {
        channel.SetupGet(c => c.Channel).Returns(SubscriptionChannel.Email);
        deals.Setup(d => d.GetAsync("deal1", It.IsAny<CancellationToken>())).ReturnsAsync(new Deal
        {
            Id = "deal1",
            FeedId = "feed1",
            ItemId = "item1",
            Title = "SoftBank to invest $30 billion",
            Amounts = [new MoneyAmount(30_000_000_000m, "USD", AmountQualifier.Exact, new TextEvidence(0, 11, "$30 billion"))],
            Tickers = [],
            Created = Now,
        });
        subscriptions.Setup(s => s.GetAsync("sub1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Subscription { Id = "sub1", Channel = SubscriptionChannel.Email, Target = "ops@example.com", Created = Now });
        deliveries.Setup(d => d.UpsertAsync(It.IsAny<DeliveryRecord>(), It.IsAny<CancellationToken>()))
            .Callback((DeliveryRecord r, CancellationToken _) => upserts.Add(r)).Returns(Task.CompletedTask);
    }

    private void Existing(DeliveryStatus status, int attempts = 0) =>
        deliveries.Setup(d => d.GetAsync("sub1", "alert1", It.IsAny<CancellationToken>())).ReturnsAsync(new DeliveryRecord
        {
            SubscriptionId = "sub1", AlertId = "alert1", DealId = "deal1", Status = status, Attempts = attempts, Created = Now,
        });

    private void Sends(DeliveryAttempt attempt) =>
        channel.Setup(c => c.SendAsync(It.Is<OutgoingAlert>(a => a.AlertId == "alert1" && a.Deal.Id == "deal1" && a.Subscription.Id == "sub1"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(attempt);

    private DeliverAlertsFunction Function() => new(new AlertDeliverer(
        [channel.Object], deals.Object, subscriptions.Object, Mock.Of<IWatchlistStore>(), deliveries.Object, Mock.Of<IMessageQueue>(),
        new OptionsMonitorOf<Alerts.Core.Configuration.DeliveryOptions>(new Alerts.Core.Configuration.DeliveryOptions()),
        new FakeTimeProvider(Now), NullLogger<AlertDeliverer>.Instance));

    [Fact]
    public async Task Queued_alert_is_sent_and_recorded_as_delivered()
    {
        Existing(DeliveryStatus.Queued);
        Sends(DeliveryAttempt.Success);

        Assert.Equal(DeliveryStatus.Delivered, await Function().Run(Alert, CancellationToken.None));
        channel.Verify(c => c.SendAsync(It.IsAny<OutgoingAlert>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(DeliveryStatus.Delivered, Assert.Single(upserts).Status);
    }

    [Fact]
    public async Task Already_delivered_alert_sends_nothing()
    {
        Existing(DeliveryStatus.Delivered, attempts: 1);

        Assert.Equal(DeliveryStatus.Delivered, await Function().Run(Alert, CancellationToken.None));
        channel.Verify(c => c.SendAsync(It.IsAny<OutgoingAlert>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Empty(upserts);
    }

    /// <summary>A fixed options monitor for constructing services by hand.</summary>
    private sealed class OptionsMonitorOf<T>(T value) : Microsoft.Extensions.Options.IOptionsMonitor<T>
    {
        public T CurrentValue => value;
        public T Get(string? name) => value;
        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
