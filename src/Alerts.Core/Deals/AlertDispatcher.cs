using Alerts.Core.Delivery;
using Alerts.Core.Storage;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Deals;

/// <summary>Queues the alert of one (deal, subscription) match at most once: the alert id is a hash of both.</summary>
public sealed partial class AlertDispatcher(IDeliveryStore deliveries, IMessageQueue queue, TimeProvider clock, ILogger<AlertDispatcher> logger)
{
    /// <summary>Queues the alert unless its delivery record exists; returns true when it was queued now.</summary>
    public async Task<bool> QueueAsync(Deal deal, Subscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(subscription);
        // A revision that changed amounts or tickers is news again: its alert gets an id of its own.
        var alertId = deal.AlertRevision == 0
            ? StableId.From(deal.Id, subscription.Id)
            : StableId.From(deal.Id, deal.AlertRevision.ToString(System.Globalization.CultureInfo.InvariantCulture), subscription.Id);
        if (await deliveries.GetAsync(subscription.Id, alertId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false; // Already queued by an earlier run.
        }

        // Queue first, then record: a crash in between queues the alert again, and delivery deduplicates.
        await queue.SendAsync(StorageNames.AlertsQueue, new AlertMessage(alertId, deal.Id, subscription.Id), cancellationToken).ConfigureAwait(false);
        await deliveries.AddIfAbsentAsync(
            new DeliveryRecord { SubscriptionId = subscription.Id, AlertId = alertId, DealId = deal.Id, Status = DeliveryStatus.Queued, Created = clock.GetUtcNow() },
            cancellationToken).ConfigureAwait(false);
        LogQueued(logger, deal.Title, subscription.Id, subscription.Channel);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Matched \"{Title}\" to subscription {SubscriptionId} ({Channel}): alert queued")]
    private static partial void LogQueued(ILogger logger, string title, string subscriptionId, SubscriptionChannel channel);
}
