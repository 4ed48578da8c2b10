using Alerts.Core.Extraction;

namespace Alerts.Core.Deals;

/// <summary>An article with at least one money amount: what subscribers are alerted about.</summary>
public sealed record Deal
{
    /// <summary>Stable hash of feed and item id, so the same article always gives the same deal.</summary>
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

    /// <summary>The largest amount in approximate US dollars (see <see cref="IUsdValuer"/>); null when no amount converts.</summary>
    public decimal? LargestUsd { get; init; }
}

/// <summary>Queue message (<c>alerts</c>): deliver this deal to this subscription.</summary>
/// <param name="AlertId">Stable hash of deal and subscription: the same match is one alert however often it is replayed.</param>
public sealed record AlertMessage(string AlertId, string DealId, string SubscriptionId);
