using Alerts.Core.Configuration;
using Alerts.Core.Deals;
using Alerts.Core.Delivery;
using Alerts.Core.Extraction;
using Alerts.Core.Storage;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Alerts.Core.Tests.Delivery;

public class AlertDelivererTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private readonly Mock<IAlertChannel> channel = new();
    private readonly Mock<IDeliveryStore> deliveries = new();
    private readonly Mock<ISubscriptionStore> subscriptions = new();
    private readonly Mock<IMessageQueue> queue = new();
    private readonly AlertMessage alert = new("alert1", "deal1", "sub1");
    private DeliveryRecord? stored;

    public AlertDelivererTests()
    {
        channel.Setup(c => c.Channel).Returns(SubscriptionChannel.Webhook);
        deliveries.Setup(d => d.GetAsync("sub1", "alert1", It.IsAny<CancellationToken>())).ReturnsAsync(() => stored);
        deliveries.Setup(d => d.UpsertAsync(It.IsAny<DeliveryRecord>(), It.IsAny<CancellationToken>())).Callback<DeliveryRecord, CancellationToken>((r, _) => stored = r).Returns(Task.CompletedTask);
        subscriptions.Setup(s => s.GetAsync("sub1", It.IsAny<CancellationToken>())).ReturnsAsync(new Subscription { Id = "sub1", Channel = SubscriptionChannel.Webhook, Target = "https://example.com/h", Created = Now });
        stored = new DeliveryRecord { SubscriptionId = "sub1", AlertId = "alert1", DealId = "deal1", Status = DeliveryStatus.Queued, Created = Now };
    }

    private AlertDeliverer Deliverer()
    {
        var deals = new Mock<IDealStore>();
        deals.Setup(d => d.GetAsync("deal1", It.IsAny<CancellationToken>())).ReturnsAsync(new Deal { Id = "deal1", FeedId = "f", ItemId = "i", Title = "t", Amounts = [], Tickers = Array.Empty<TickerMention>(), Created = Now });
        var options = new Mock<IOptionsMonitor<DeliveryOptions>>();
        options.Setup(o => o.CurrentValue).Returns(new DeliveryOptions { RetryBaseDelay = TimeSpan.FromSeconds(30) });
        return new AlertDeliverer([channel.Object], deals.Object, subscriptions.Object, Mock.Of<IWatchlistStore>(), deliveries.Object, queue.Object, options.Object, new FakeTimeProvider(Now), NullLogger<AlertDeliverer>.Instance);
    }

    [Fact]
    public async Task A_transient_failure_queues_the_next_attempt_with_the_backoff_as_visibility_delay_instead_of_throwing()
    {
        channel.Setup(c => c.SendAsync(It.IsAny<OutgoingAlert>(), It.IsAny<CancellationToken>())).ReturnsAsync(new DeliveryAttempt(AttemptOutcome.Transient, "HTTP 500", 500));

        var status = await Deliverer().DeliverAsync(alert, default);
        var next = alert with { Attempt = 2 };

        Assert.Equal(DeliveryStatus.Retrying, status);
        queue.Verify(q => q.SendAsync(StorageNames.AlertsQueue, next, It.IsAny<CancellationToken>(), It.Is<TimeSpan?>(d => d >= TimeSpan.FromSeconds(30) && d <= TimeSpan.FromSeconds(37.5))), Times.Once);
        Assert.Equal((1, 500, DeliveryStatus.Retrying), (stored!.Attempts, stored.LastStatusCode, stored.Status));
    }

    [Fact]
    public async Task A_replayed_message_of_an_attempt_already_made_sends_nothing()
    {
        stored = stored! with { Status = DeliveryStatus.Retrying, Attempts = 1 };

        await Deliverer().DeliverAsync(alert, default);

        channel.Verify(c => c.SendAsync(It.IsAny<OutgoingAlert>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task The_410_answer_disables_the_subscription_without_a_retry()
    {
        channel.Setup(c => c.SendAsync(It.IsAny<OutgoingAlert>(), It.IsAny<CancellationToken>())).ReturnsAsync(WebhookChannel.Judge(410));

        Assert.Equal(DeliveryStatus.Failed, await Deliverer().DeliverAsync(alert, default));

        subscriptions.Verify(s => s.UpdateAsync(It.Is<Subscription>(x => !x.Enabled), It.IsAny<CancellationToken>()), Times.Once);
        queue.Verify(q => q.SendAsync(It.IsAny<string>(), It.IsAny<AlertMessage>(), It.IsAny<CancellationToken>(), It.IsAny<TimeSpan?>()), Times.Never);
    }
}
