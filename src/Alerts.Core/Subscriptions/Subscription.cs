namespace Alerts.Core.Subscriptions;

/// <summary>How a subscriber is reached.</summary>
public enum SubscriptionChannel
{
    Email,
    Webhook,
}

/// <summary>When a subscriber hears about deals: one alert per deal, or one digest mail per hour or day.</summary>
public enum SubscriptionMode
{
    Instant,
    Hourly,
    Daily,
}

/// <summary>Who wants which deals, and where to send them.</summary>
public sealed record Subscription
{
    public required string Id { get; init; }
    public required SubscriptionChannel Channel { get; init; }

    /// <summary>The e-mail address or webhook URL.</summary>
    public required string Target { get; init; }

    /// <summary>Tickers as given (e.g. "9984.T", "NASDAQ:GOOGL"); matched in normalised form.</summary>
    public IReadOnlyList<string> Tickers { get; init; } = [];

    /// <summary>Words or phrases matched case-insensitively in the deal's title and summary.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>Names of watchlists whose tickers, companies and keywords this subscription follows too.</summary>
    public IReadOnlyList<string> Watchlists { get; init; } = [];

    /// <summary>Only deals whose largest amount is worth at least this much (compared in approximate US dollars).</summary>
    public Money? MinAmount { get; init; }

    /// <summary>ISO 639-1 codes; when not empty, only deals in one of these languages match.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    public required DateTimeOffset Created { get; init; }
    public bool Enabled { get; init; } = true;

    /// <summary>Why the subscription is disabled, when it is.</summary>
    public string? DisabledReason { get; init; }

    /// <summary>Instant alerts, or hourly/daily digests (e-mail).</summary>
    public SubscriptionMode Mode { get; init; } = SubscriptionMode.Instant;

    /// <summary>
    /// Webhook signing secret ("whsec_" + base64), stored with the subscription but never returned by reads
    /// (see <see cref="SubscriptionResource"/>); null for e-mail subscriptions.
    /// </summary>
    public string? Secret { get; init; }
}

/// <summary>An amount of money in an ISO 4217 currency.</summary>
public sealed record Money(decimal Value, string Currency);

/// <summary>Body of <c>POST /api/subscriptions</c>. Members are nullable so that missing fields get a clear 400.</summary>
public sealed record CreateSubscriptionRequest(
    string? Channel,
    string? Target,
    IReadOnlyList<string>? Tickers,
    IReadOnlyList<string>? Keywords)
{
    public IReadOnlyList<string>? Watchlists { get; init; }
    public MoneyRequest? MinAmount { get; init; }
    public IReadOnlyList<string>? Languages { get; init; }

    /// <summary>"instant" (default), "hourly" or "daily" (digests, e-mail only).</summary>
    public string? Mode { get; init; }
}

/// <summary>Body of <c>PATCH /api/subscriptions/{id}</c>: the members present replace the stored ones.</summary>
public sealed record UpdateSubscriptionRequest
{
    public string? Target { get; init; }
    public IReadOnlyList<string>? Tickers { get; init; }
    public IReadOnlyList<string>? Keywords { get; init; }
    public IReadOnlyList<string>? Watchlists { get; init; }
    public MoneyRequest? MinAmount { get; init; }
    public IReadOnlyList<string>? Languages { get; init; }

    /// <summary>False pauses the subscription (its DisabledReason says so); true resumes it.</summary>
    public bool? Enabled { get; init; }
}

/// <summary>A money amount as sent by a client; nullable members so that a missing one is named in the 400.</summary>
public sealed record MoneyRequest(decimal? Value, string? Currency);
