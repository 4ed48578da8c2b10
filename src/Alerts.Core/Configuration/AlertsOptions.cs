using System.ComponentModel.DataAnnotations;

namespace Alerts.Core.Configuration;

/// <summary>Top-level settings of the pipeline, bound from the <c>Alerts</c> configuration section.</summary>
public sealed class AlertsOptions
{
    public const string SectionName = "Alerts";

    /// <summary>NCRONTAB (six fields, with seconds) or TimeSpan schedule of the PollFeeds timer.</summary>
    [Required]
    public string PollSchedule { get; set; } = "0 */5 * * * *";

    /// <summary>Admin key expected in <c>x-functions-key</c>; when empty only the Functions host's own keys protect the API.</summary>
    public string? AdminKey { get; set; }

    /// <summary>
    /// A new subscription is also alerted about matching deals extracted within this window before it was created
    /// (zero: only deals extracted afterwards). <c>alerts run</c> uses one hour, so the sample deal reaches a new subscriber.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan SubscriptionBackfill { get; set; } = TimeSpan.Zero;

    /// <summary>Allows loopback feed and webhook URLs (local development); private and metadata addresses stay refused.</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>
    /// The public address of the function app (e.g. https://alerts.example.com), used for links in mails such as
    /// the one-click unsubscribe URL. When empty, mails carry no List-Unsubscribe header.
    /// </summary>
    [Url]
    public string? PublicBaseUrl { get; set; }
}

/// <summary>Signing of unsubscribe links, bound from <c>Alerts:Unsubscribe</c>.</summary>
public sealed class UnsubscribeOptions
{
    public const string SectionName = "Alerts:Unsubscribe";

    /// <summary>HMAC-SHA256 key of unsubscribe tokens (at least 32 characters; a Key Vault reference in Azure).</summary>
    [Required]
    [MinLength(32)]
    public string SigningKey { get; set; } = string.Empty;
}

/// <summary>Feed fetching limits, bound from <c>Alerts:Feeds</c>.</summary>
public sealed class FeedOptions : IValidatableObject
{
    public const string SectionName = "Alerts:Feeds";

    /// <summary>Largest feed document accepted, in bytes (default 10 MB).</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxResponseBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Time allowed for one fetch, retries included.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Maximum number of items taken from one feed per poll.</summary>
    [Range(1, 10_000)]
    public int MaxItemsPerPoll { get; set; } = 200;

    [Required]
    public string UserAgent { get; set; } = "Alerts/1.0 (+https://github.com/alerts-oss/alerts; news-alert pipeline)";

    /// <summary>Time between two polls of a feed that sets no interval of its own.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan DefaultInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Shortest interval a feed may be given through the API (politeness floor).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Longest wait between polls: caps what Retry-After, Cache-Control, Expires, RSS ttl and error backoff may ask,
    /// so a hostile or mistaken header cannot park a feed for months.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>After this many failed polls in a row the feed is disabled, with the reason shown by the API.</summary>
    [Range(1, 1000)]
    public int MaxConsecutiveFailures { get; set; } = 10;

    /// <summary>Concurrent requests to one host from one instance (instances do not coordinate).</summary>
    [Range(1, 64)]
    public int MaxConcurrentRequestsPerHost { get; set; } = 4;

    /// <summary>
    /// How long an item that left its feed is remembered (a tombstone): if it comes back within this window it is
    /// not new again. Items still in the feed are always remembered.
    /// </summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00")]
    public TimeSpan SeenItemRetention { get; set; } = TimeSpan.FromDays(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MinInterval > DefaultInterval || DefaultInterval > MaxInterval)
        {
            yield return new ValidationResult(
                "Alerts:Feeds:MinInterval <= DefaultInterval <= MaxInterval must hold.",
                [nameof(MinInterval), nameof(DefaultInterval), nameof(MaxInterval)]);
        }
    }
}

/// <summary>How articles become deals, bound from <c>Alerts:Deals</c>.</summary>
public sealed class DealOptions
{
    public const string SectionName = "Alerts:Deals";

    /// <summary>
    /// Articles under different URLs whose normalised title and summary are the same (the same wire story on two
    /// sites) are one deal when the second arrives within this window of the first. A window, not forever, because
    /// companies publish the same text again (a quarterly dividend notice), and that is news again. Zero turns
    /// merging by text off (the canonical URL still merges).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan StoryWindow { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// Fewest words the normalised title and summary must have for the text to identify a story: a short generic
    /// title ("Market update") must not merge unrelated articles.
    /// </summary>
    [Range(1, 1000)]
    public int MinStoryWords { get; set; } = 8;
}

/// <summary>SMTP settings for e-mail alerts, bound from <c>Alerts:Smtp</c>.</summary>
public sealed class SmtpOptions
{
    public const string SectionName = "Alerts:Smtp";

    /// <summary>SMTP server host; e-mail subscriptions fail delivery while it is empty.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>Auto (STARTTLS when offered), None, StartTls or SslOnConnect.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    [Required]
    public string From { get; set; } = "Alerts <alerts@localhost>";

    public string? User { get; set; }

    public string? Password { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>How the SMTP connection is secured.</summary>
public enum SmtpSecurity
{
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>Alert delivery settings, bound from <c>Alerts:Delivery</c>.</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Alerts:Delivery";

    /// <summary>Time allowed for one webhook request.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan WebhookTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Delay before the first retry; each further retry waits about twice as long (with jitter).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest single wait between two attempts (Retry-After included).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How long after the alert was raised retries may go on; then it moves to alerts-poison.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan RetryHorizon { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Attempts given to an alert whose receiver refuses it (4xx other than 408, 410, 429; redirects).</summary>
    [Range(1, 20)]
    public int RejectedAttempts { get; set; } = 3;
}
