using Alerts.Core.Extraction;
using Alerts.Core.Telemetry;

namespace Alerts.Core.Deals;

/// <summary>An article with at least one money amount: what subscribers are alerted about.</summary>
public sealed record Deal
{
    /// <summary>
    /// Stable hash of the story as first seen: its canonical URL when it has one, else its feed and item id. Later
    /// copies (other feeds, other URLs, the same text) find it through their story keys
    /// (<see cref="Storage.IStoryKeyStore"/>); a replay hits the same row.
    /// </summary>
    public required string Id { get; init; }
    public required string FeedId { get; init; }
    public required string ItemId { get; init; }
    public required string Title { get; init; }
    public string? Link { get; init; }
    public string? Summary { get; init; }
    public DateTimeOffset? Published { get; init; }
    public string? Language { get; init; }
    public required IReadOnlyList<MoneyAmount> Amounts { get; init; }
    public required IReadOnlyList<TickerMention> Tickers { get; init; }
    public required DateTimeOffset Created { get; init; }

    /// <summary>Every feed item that told this story (the first is <see cref="FeedId"/> / <see cref="ItemId"/>).</summary>
    public IReadOnlyList<DealSource> Sources { get; init; } = [];

    /// <summary>The link in the form used to recognise the story across feeds (see <c>CanonicalUrl</c>).</summary>
    public string? CanonicalUrl { get; init; }

    /// <summary>Hash of the normalised title and summary.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>How many times the story was edited at its source (0: as first seen).</summary>
    public int Revision { get; init; }

    /// <summary>
    /// The last revision that changed amounts or tickers: alert ids include it, so subscribers hear about such an
    /// edit once, and about other edits (typos, wording) not at all.
    /// </summary>
    public int AlertRevision { get; init; }

    /// <summary>The largest amount in approximate US dollars (see <see cref="IUsdValuer"/>); null when no amount converts.</summary>
    public decimal? LargestUsd { get; init; }

    /// <summary>When a revision or another source last changed the deal.</summary>
    public DateTimeOffset? Updated { get; init; }
}

/// <summary>One feed item that told a deal's story.</summary>
public sealed record DealSource(string FeedId, string? Url)
{
    public string? ItemId { get; init; }

    /// <summary>Hash of the item's text when last processed: a different hash is a revision.</summary>
    public string? ContentHash { get; init; }
}

/// <summary>Queue message (<c>alerts</c>): deliver this deal to this subscription.</summary>
/// <param name="AlertId">Stable hash of deal and subscription: the same match is one alert however often it is replayed.</param>
/// <param name="Attempt">Which attempt this message carries (1 first); a retry is a new message with the next number.</param>
public sealed record AlertMessage(string AlertId, string DealId, string SubscriptionId, int Attempt = 1) : QueueMessageBase;
