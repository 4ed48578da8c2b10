namespace Alerts.Core.Feeds;

/// <summary>A registered feed and its polling state.</summary>
public sealed record FeedRegistration
{
    public required string Id { get; init; }
    public required Uri Url { get; init; }
    public required DateTimeOffset Created { get; init; }
    public string? Title { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }
    public DateTimeOffset? LastPolled { get; init; }
    public DateTimeOffset? NextPoll { get; init; }
    public int ConsecutiveFailures { get; init; }
    public string? LastError { get; init; }
    public bool Enabled { get; init; } = true;

    /// <summary>A name given by the administrator (the feed's own title is <see cref="Title"/>).</summary>
    public string? Name { get; init; }

    /// <summary>Time between polls for this feed; null means <c>Alerts:Feeds:DefaultInterval</c>.</summary>
    public TimeSpan? Interval { get; init; }

    /// <summary>BCP 47 language that wins over what the feed declares (feeds often declare none, or a wrong one).</summary>
    public string? Language { get; init; }

    /// <summary>Why the feed was disabled automatically (too many failures); null when enabled or disabled by hand.</summary>
    public string? DisabledReason { get; init; }
}

/// <summary>Body of <c>POST /api/feeds</c>.</summary>
public sealed record RegisterFeedRequest(string? Url)
{
    public string? Name { get; init; }
    public TimeSpan? Interval { get; init; }
    public bool? Enabled { get; init; }
    public string? Language { get; init; }
}

/// <summary>A feed as the API shows it: settings and polling status.</summary>
public sealed record FeedResource
{
    public required string Id { get; init; }
    public required string Url { get; init; }
    public string? Name { get; init; }
    public string? Title { get; init; }
    public required DateTimeOffset Created { get; init; }
    public required TimeSpan Interval { get; init; }
    public string? Language { get; init; }
    public required bool Enabled { get; init; }
    public string? DisabledReason { get; init; }
    public DateTimeOffset? LastPolled { get; init; }
    public DateTimeOffset? NextPoll { get; init; }
    public required int ConsecutiveFailures { get; init; }
    public string? LastError { get; init; }

    public static FeedResource From(FeedRegistration feed, TimeSpan defaultInterval)
    {
        ArgumentNullException.ThrowIfNull(feed);
        return new()
        {
            Id = feed.Id,
            Url = feed.Url.AbsoluteUri,
            Name = feed.Name,
            Title = feed.Title,
            Created = feed.Created,
            Interval = feed.Interval ?? defaultInterval,
            Language = feed.Language,
            Enabled = feed.Enabled,
            DisabledReason = feed.DisabledReason,
            LastPolled = feed.LastPolled,
            NextPoll = feed.Enabled ? feed.NextPoll ?? feed.Created : null,
            ConsecutiveFailures = feed.ConsecutiveFailures,
            LastError = feed.LastError,
        };
    }
}
