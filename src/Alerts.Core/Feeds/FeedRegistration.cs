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
}

/// <summary>Body of <c>POST /api/feeds</c>.</summary>
public sealed record RegisterFeedRequest(string? Url);

/// <summary>A feed as the API shows it.</summary>
public sealed record FeedResource(
    string Id,
    string Url,
    string? Title,
    DateTimeOffset Created,
    DateTimeOffset? LastPolled,
    bool Enabled,
    int ConsecutiveFailures,
    string? LastError)
{
    public static FeedResource From(FeedRegistration feed) => new(
        feed.Id, feed.Url.AbsoluteUri, feed.Title, feed.Created, feed.LastPolled, feed.Enabled, feed.ConsecutiveFailures, feed.LastError);
}
