using Alerts.Core.Telemetry;

namespace Alerts.Core.Feeds;

/// <summary>Queue message (<c>feeds</c>): fetch this feed now.</summary>
public sealed record FeedFetchMessage(string FeedId) : QueueMessageBase;

/// <summary>Queue message (<c>articles</c>): a feed item not seen before, to extract a deal from.</summary>
public sealed record ArticleMessage : QueueMessageBase
{
    public required string FeedId { get; init; }
    public required string ItemId { get; init; }
    public string? Title { get; init; }
    public string? Link { get; init; }
    public string? Summary { get; init; }
    public string? Content { get; init; }
    public DateTimeOffset? Published { get; init; }
    public string? Language { get; init; }
}
