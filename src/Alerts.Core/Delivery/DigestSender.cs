using System.Globalization;
using Alerts.Core.Configuration;
using Alerts.Core.Deals;
using Alerts.Core.Storage;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Delivery;

/// <summary>
/// The SendDigests timer: for each hourly or daily e-mail subscription, one mail with the deals recorded as pending
/// whose hour (or UTC day) has ended, then those records are marked delivered. Periods are derived from the records
/// themselves, so a missed or repeated timer run neither loses nor splits a digest; a resend after a crash between
/// mailing and marking keeps the same Message-ID.
/// </summary>
public sealed partial class DigestSender(
    ISubscriptionStore subscriptions,
    IWatchlistStore watchlists,
    IDeliveryStore deliveries,
    IDealStore deals,
    SmtpMailer mailer,
    UnsubscribeTokens tokens,
    IOptionsMonitor<AlertsOptions> options,
    TimeProvider clock,
    ILogger<DigestSender> logger)
{
    /// <summary>Sends every digest that is due; returns how many mails were sent.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var sent = 0;
        await foreach (var subscription in subscriptions.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (subscription.Channel != SubscriptionChannel.Email || subscription.Mode == SubscriptionMode.Instant)
            {
                continue;
            }

            var pending = (await deliveries.ListAsync(subscription.Id, cancellationToken).ConfigureAwait(false))
                .Where(r => r.Status == DeliveryStatus.PendingDigest)
                .ToList();
            var current = PeriodStart(subscription.Mode, now);
            var due = pending.Where(r => PeriodStart(subscription.Mode, r.Created) < current).ToList();
            if (due.Count == 0)
            {
                continue;
            }

            if (!subscription.Enabled)
            {
                foreach (var record in due)
                {
                    await deliveries.UpsertAsync(record with { Status = DeliveryStatus.Failed, LastError = "subscription disabled" }, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            if (await SendAsync(subscription, due, now, cancellationToken).ConfigureAwait(false))
            {
                sent++;
            }
        }

        return sent;
    }

    /// <summary>The start of the hour or UTC day that <paramref name="time"/> falls in.</summary>
    public static DateTimeOffset PeriodStart(SubscriptionMode mode, DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return mode == SubscriptionMode.Daily
            ? new DateTimeOffset(utc.Year, utc.Month, utc.Day, 0, 0, 0, TimeSpan.Zero)
            : new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero);
    }

    private async Task<bool> SendAsync(Subscription subscription, List<DeliveryRecord> due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var items = new List<(Deal, MatchedTerms)>();
        var followed = await MatchExplainer.FollowedWatchlistsAsync(watchlists, subscription, cancellationToken).ConfigureAwait(false);
        foreach (var record in due.OrderBy(r => r.Created))
        {
            if (await deals.GetAsync(record.DealId, cancellationToken).ConfigureAwait(false) is { } deal)
            {
                items.Add((deal, MatchExplainer.Explain(subscription, deal, followed)));
            }
        }

        var first = PeriodStart(subscription.Mode, due.Min(r => r.Created));
        var period = subscription.Mode == SubscriptionMode.Daily
            ? first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : first.ToString("yyyy-MM-dd HH:00 'UTC'", CultureInfo.InvariantCulture);
        var digestId = StableId.From("digest", subscription.Id, string.Join(",", due.Select(r => r.AlertId).Order(StringComparer.Ordinal)));
        var unsubscribe = AlertMail.UnsubscribeUrl(options.CurrentValue, tokens, subscription.Id);
        var attempt = await mailer.SendAsync(AlertMail.ComposeDigest(digestId, subscription, period, items, mailer.Options, unsubscribe), cancellationToken).ConfigureAwait(false);
        foreach (var record in due)
        {
            // A failed digest stays pending and is retried by the next run; the attempt is recorded either way.
            var updated = record with { Attempts = record.Attempts + 1, LastAttempt = now, LastError = attempt.Error, LastStatusCode = attempt.StatusCode };
            await deliveries.UpsertAsync(attempt.Succeeded ? updated with { Status = DeliveryStatus.Delivered, Delivered = now } : updated, cancellationToken).ConfigureAwait(false);
        }

        if (attempt.Succeeded)
        {
            LogSent(logger, subscription.Id, items.Count, subscription.Target);
        }
        else
        {
            LogFailed(logger, subscription.Id, attempt.Error);
        }

        return attempt.Succeeded;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest for subscription {SubscriptionId}: {Count} deal(s) mailed to {Target}")]
    private static partial void LogSent(ILogger logger, string subscriptionId, int count, string target);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Digest for subscription {SubscriptionId} failed ({Error}); it is retried on the next run")]
    private static partial void LogFailed(ILogger logger, string subscriptionId, string? error);
}
