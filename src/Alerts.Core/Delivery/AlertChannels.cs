using Alerts.Core.Deals;
using Alerts.Core.Subscriptions;

namespace Alerts.Core.Delivery;

/// <summary>How one delivery attempt ended, as far as retrying is concerned.</summary>
public enum AttemptOutcome
{
    /// <summary>Accepted (2xx, or the SMTP server took the mail).</summary>
    Delivered,

    /// <summary>Worth retrying with backoff (timeout, connection error, 408, 429, 5xx).</summary>
    Transient,

    /// <summary>The receiver refused the request (4xx other than 408/410/429, or a redirect): a few tries only.</summary>
    Rejected,

    /// <summary>410 Gone: the receiver asked to stop; the subscription is disabled.</summary>
    Gone,

    /// <summary>Retrying cannot help (e.g. the mailbox does not exist, the URL is refused).</summary>
    Permanent,
}

/// <summary>The outcome of one delivery attempt.</summary>
/// <param name="StatusCode">The HTTP status (webhooks) or SMTP reply code, when there was one.</param>
/// <param name="RetryAfter">The receiver's Retry-After (429, 503), when it gave one.</param>
public sealed record DeliveryAttempt(AttemptOutcome Outcome, string? Error = null, int? StatusCode = null, TimeSpan? RetryAfter = null)
{
    public static DeliveryAttempt Success { get; } = new(AttemptOutcome.Delivered);

    public bool Succeeded => Outcome == AttemptOutcome.Delivered;
}

/// <summary>One alert ready to send: the deal, the subscription and the alert's identity.</summary>
/// <param name="AlertId">Stable hash of deal and subscription: the webhook-id and the Message-ID.</param>
/// <param name="Raised">When the alert was first queued (the payload's timestamp, the same on every retry).</param>
/// <param name="Matched">Which of the subscription's terms the deal matched.</param>
public sealed record OutgoingAlert(string AlertId, DateTimeOffset Raised, Deal Deal, Subscription Subscription, MatchedTerms Matched);

/// <summary>Sends one alert through one channel (webhook or e-mail).</summary>
public interface IAlertChannel
{
    SubscriptionChannel Channel { get; }

    Task<DeliveryAttempt> SendAsync(OutgoingAlert alert, CancellationToken cancellationToken);
}
