using System.Text.Json.Serialization;
using Alerts.Core.Deals;
using Alerts.Core.Extraction;
using Alerts.Core.Storage;

namespace Alerts.Core.Subscriptions;

/// <summary>Which of a subscription's terms a deal matched (the "why" in webhooks and mails).</summary>
/// <param name="Tickers">The subscription's own tickers the deal names, as the subscriber wrote them.</param>
/// <param name="Keywords">The subscription's own keywords found in the deal.</param>
/// <param name="Watchlists">The watchlists it follows whose tickers, companies or keywords the deal matched.</param>
public sealed record MatchedTerms(IReadOnlyList<string> Tickers, IReadOnlyList<string> Keywords, IReadOnlyList<string> Watchlists)
{
    /// <summary>True when the subscription has no terms at all (it takes every deal that passes its filters).</summary>
    [JsonIgnore]
    public bool IsFirehose { get; init; }
}

/// <summary>Explains a match with the same rules as <see cref="SubscriptionMatcher"/>.</summary>
public static class MatchExplainer
{
    /// <summary>
    /// The subscription's tickers (as it lists them) and keywords that the deal matches, and the followed watchlists
    /// (from <paramref name="watchlists"/>; unknown ones are skipped) whose terms it matches.
    /// </summary>
    public static MatchedTerms Explain(Subscription subscription, Deal deal, IReadOnlyDictionary<string, Watchlist> watchlists)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(watchlists);
        var dealTickers = deal.Tickers.Select(t => new TickerKey(t.Code, t.Exchange)).ToList();
        var text = SubscriptionMatcher.TextOf(deal);
        bool NamesTicker(string wanted) => TickerNormalizer.TryNormalize(wanted) is { } key && dealTickers.Exists(key.Matches);
        bool ContainsWord(string keyword) => KeywordPattern.Parse(keyword).IsIn(text);

        var followed = subscription.Watchlists
            .Where(name => watchlists.TryGetValue(name, out var list)
                && (list.Tickers.Any(NamesTicker) || list.Companies.Any(ContainsWord) || list.Keywords.Any(ContainsWord)))
            .ToList();
        return new MatchedTerms(subscription.Tickers.Where(NamesTicker).ToList(), subscription.Keywords.Where(ContainsWord).ToList(), followed)
        {
            IsFirehose = subscription.Tickers.Count == 0 && subscription.Keywords.Count == 0 && subscription.Watchlists.Count == 0,
        };
    }

    /// <summary>Reads the watchlists <paramref name="subscription"/> follows (one point read each; most follow none).</summary>
    public static async Task<IReadOnlyDictionary<string, Watchlist>> FollowedWatchlistsAsync(IWatchlistStore store, Subscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(subscription);
        var found = new Dictionary<string, Watchlist>(StringComparer.Ordinal);
        foreach (var name in subscription.Watchlists)
        {
            if (await store.GetAsync(name, cancellationToken).ConfigureAwait(false) is { } list)
            {
                found[name] = list.Value;
            }
        }

        return found;
    }
}
