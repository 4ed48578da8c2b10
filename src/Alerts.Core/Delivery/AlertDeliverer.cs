using Alerts.Core.Deals;
using Alerts.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Delivery;

/// <summary>
/// The DeliverAlerts stage: sends one alert through its subscription's channel, once.
/// The delivery record is checked first, so a replayed message sends nothing twice.
/// </summary>
public sealed partial class AlertDeliverer(
    IEnumerable<IAlertChannel> channels,
    IDealStore deals,
    ISubscriptionStore subscriptions,
    IDeliveryStore deliveries,
    TimeProvider clock,
    ILogger<AlertDeliverer> logger)
{
    /// <summary>Delivers the alert; throws <see cref="AlertDeliveryException"/> on a failure worth retrying.</summary>
    public async Task<DeliveryStatus> DeliverAsync(AlertMessage alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var record = await deliveries.GetAsync(alert.SubscriptionId, alert.AlertId, cancellationToken).ConfigureAwait(false)
            ?? new DeliveryRecord { SubscriptionId = alert.SubscriptionId, AlertId = alert.AlertId, DealId = alert.DealId, Status = DeliveryStatus.Queued, Created = clock.GetUtcNow() };
        if (record.Status != DeliveryStatus.Queued)
        {
            LogAlreadyDone(logger, alert.AlertId, record.Status);
            return record.Status;
        }

        var subscription = await subscriptions.GetAsync(alert.SubscriptionId, cancellationToken).ConfigureAwait(false);
        if (subscription is null || !subscription.Enabled)
        {
            await deliveries.UpsertAsync(record with { Status = DeliveryStatus.Failed, LastError = subscription is null ? "subscription deleted" : "subscription disabled" }, cancellationToken).ConfigureAwait(false);
            return DeliveryStatus.Failed;
        }

        var deal = await deals.GetAsync(alert.DealId, cancellationToken).ConfigureAwait(false)
            ?? throw new AlertDeliveryException($"Deal {alert.DealId} of alert {alert.AlertId} is not stored.");
        var channel = channels.FirstOrDefault(c => c.Channel == subscription.Channel)
            ?? throw new InvalidOperationException($"No channel handles {subscription.Channel}.");

        var attempt = await channel.SendAsync(alert.AlertId, deal, subscription, cancellationToken).ConfigureAwait(false);
        record = record with { Attempts = record.Attempts + 1, LastError = attempt.Error };
        if (!attempt.Succeeded)
        {
            Telemetry.AlertsTelemetry.AlertsFailed.Add(1);
        }

        if (attempt.Succeeded)
        {
            await deliveries.UpsertAsync(record with { Status = DeliveryStatus.Delivered, Delivered = clock.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
            Telemetry.AlertsTelemetry.AlertsDelivered.Add(1);
            LogDelivered(logger, deal.Title, subscription.Channel.ToString().ToLowerInvariant(), subscription.Target);
            return DeliveryStatus.Delivered;
        }

        if (attempt.Permanent)
        {
            await deliveries.UpsertAsync(record with { Status = DeliveryStatus.Failed }, cancellationToken).ConfigureAwait(false);
            LogFailed(logger, alert.AlertId, subscription.Target, attempt.Error);
            return DeliveryStatus.Failed;
        }

        await deliveries.UpsertAsync(record, cancellationToken).ConfigureAwait(false);
        throw new AlertDeliveryException($"Delivery of alert {alert.AlertId} to {subscription.Channel} failed: {attempt.Error}. It will be retried.");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert delivered: \"{Title}\" by {Channel} to {Target}")]
    private static partial void LogDelivered(ILogger logger, string title, string channel, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} to {Target} failed for good: {Error}")]
    private static partial void LogFailed(ILogger logger, string alertId, string target, string? error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Alert {AlertId} already {Status}: nothing sent")]
    private static partial void LogAlreadyDone(ILogger logger, string alertId, DeliveryStatus status);
}

/// <summary>A delivery failed in a way worth retrying; the queue's retry policy takes over.</summary>
public sealed class AlertDeliveryException : Exception
{
    public AlertDeliveryException(string message) : base(message) { }
    public AlertDeliveryException(string message, Exception inner) : base(message, inner) { }
    public AlertDeliveryException() { }
}
