using Alerts.Core.Configuration;
using Alerts.Core.Deals;
using Alerts.Core.Storage;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Delivery;

/// <summary>
/// The DeliverAlerts stage: sends one alert through its subscription's channel, once.
/// The delivery record is checked first, so a replayed message sends nothing twice. A failed attempt is retried by
/// sending the message again with the next attempt number and a visibility delay (the backoff), so waiting retries
/// live in the queue and survive restarts; past the horizon the alert moves to <c>alerts-poison</c>.
/// Only unexpected errors throw, so host.json's maxDequeueCount still guards those.
/// </summary>
public sealed partial class AlertDeliverer(
    IEnumerable<IAlertChannel> channels,
    IDealStore deals,
    ISubscriptionStore subscriptions,
    IWatchlistStore watchlists,
    IDeliveryStore deliveries,
    IMessageQueue queue,
    IOptionsMonitor<DeliveryOptions> options,
    TimeProvider clock,
    ILogger<AlertDeliverer> logger)
{
    public async Task<DeliveryStatus> DeliverAsync(AlertMessage alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var record = await deliveries.GetAsync(alert.SubscriptionId, alert.AlertId, cancellationToken).ConfigureAwait(false)
            ?? new DeliveryRecord { SubscriptionId = alert.SubscriptionId, AlertId = alert.AlertId, DealId = alert.DealId, Status = DeliveryStatus.Queued, Created = clock.GetUtcNow() };
        // Done, or this attempt was made already (a replayed message): nothing to send.
        if (!record.IsOpen || record.Attempts >= alert.Attempt)
        {
            LogAlreadyDone(logger, alert.AlertId, alert.Attempt, record.Status);
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
        if (subscription.Channel == SubscriptionChannel.Email && subscription.Mode != SubscriptionMode.Instant)
        {
            // Digest subscribers get this deal in their next hourly or daily mail (DigestSender).
            await deliveries.UpsertAsync(record with { Status = DeliveryStatus.PendingDigest }, cancellationToken).ConfigureAwait(false);
            return DeliveryStatus.PendingDigest;
        }

        var channel = channels.FirstOrDefault(c => c.Channel == subscription.Channel)
            ?? throw new InvalidOperationException($"No channel handles {subscription.Channel}.");
        var followed = await MatchExplainer.FollowedWatchlistsAsync(watchlists, subscription, cancellationToken).ConfigureAwait(false);
        var outgoing = new OutgoingAlert(alert.AlertId, record.Created, deal, subscription, MatchExplainer.Explain(subscription, deal, followed));
        var attempt = await channel.SendAsync(outgoing, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        record = record with { Attempts = alert.Attempt, LastAttempt = now, LastError = attempt.Error, LastStatusCode = attempt.StatusCode, NextAttempt = null };
        if (attempt.Succeeded)
        {
            await deliveries.UpsertAsync(record with { Status = DeliveryStatus.Delivered, Delivered = now }, cancellationToken).ConfigureAwait(false);
            Telemetry.AlertsTelemetry.AlertsDelivered.Add(1);
            LogDelivered(logger, deal.Title, subscription.Channel.ToString().ToLowerInvariant(), subscription.Target);
            return DeliveryStatus.Delivered;
        }

        Telemetry.AlertsTelemetry.AlertsFailed.Add(1);
        if (attempt.Outcome == AttemptOutcome.Gone)
        {
            await subscriptions.UpdateAsync(subscription with { Enabled = false, DisabledReason = "the webhook receiver answered 410 Gone" }, cancellationToken).ConfigureAwait(false);
            await deliveries.UpsertAsync(record with { Status = DeliveryStatus.Failed }, cancellationToken).ConfigureAwait(false);
            LogGone(logger, subscription.Id, subscription.Target);
            return DeliveryStatus.Failed;
        }

        var decision = RetryPolicy.Decide(attempt, alert.Attempt, record.Created, now, options.CurrentValue, Random.Shared);
        if (decision.Delay is { } delay)
        {
            // Queue the next attempt before recording this one: a crash in between repeats an attempt, never loses the alert.
            await queue.SendAsync(StorageNames.AlertsQueue, alert with { Attempt = alert.Attempt + 1 }, cancellationToken, delay).ConfigureAwait(false);
            await deliveries.UpsertAsync(record with { Status = DeliveryStatus.Retrying, NextAttempt = now + delay }, cancellationToken).ConfigureAwait(false);
            LogRetrying(logger, alert.AlertId, alert.Attempt, attempt.Error, delay.TotalSeconds);
            return DeliveryStatus.Retrying;
        }

        // Permanent failures need no inspection; exhausted retries go to the poison queue, where they can be requeued.
        if (attempt.Outcome != AttemptOutcome.Permanent)
        {
            await queue.SendAsync(StorageNames.PoisonQueueOf(StorageNames.AlertsQueue), alert, cancellationToken).ConfigureAwait(false);
        }

        await deliveries.UpsertAsync(record with { Status = DeliveryStatus.Failed, LastError = decision.GiveUpReason }, cancellationToken).ConfigureAwait(false);
        LogFailed(logger, alert.AlertId, subscription.Target, decision.GiveUpReason);
        return DeliveryStatus.Failed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert delivered: \"{Title}\" by {Channel} to {Target}")]
    private static partial void LogDelivered(ILogger logger, string title, string channel, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} attempt {Attempt} failed ({Error}); next attempt in {Seconds:0.#} s")]
    private static partial void LogRetrying(ILogger logger, string alertId, int attempt, string? error, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} to {Target} failed for good: {Error}")]
    private static partial void LogFailed(ILogger logger, string alertId, string target, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription {SubscriptionId} disabled: {Target} answered 410 Gone")]
    private static partial void LogGone(ILogger logger, string subscriptionId, string target);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Alert {AlertId} attempt {Attempt}: already {Status}, nothing sent")]
    private static partial void LogAlreadyDone(ILogger logger, string alertId, int attempt, DeliveryStatus status);
}

/// <summary>A delivery failed unexpectedly (e.g. its deal is missing); the queue's retry policy takes over.</summary>
public sealed class AlertDeliveryException : Exception
{
    public AlertDeliveryException(string message) : base(message) { }
    public AlertDeliveryException(string message, Exception inner) : base(message, inner) { }
    public AlertDeliveryException() { }
}
