using System.Text.Json.Serialization;
using Alerts.Core.Deals;
using Alerts.Core.Extraction;

namespace Alerts.Core.Subscriptions;

/// <summary>Which of a subscription's terms a deal matched (the "why" in webhooks and mails).</summary>
/// <param name="Watchlists">Always empty until watchlists exist; present so receivers can rely on the field.</param>
public sealed record MatchedTerms(IReadOnlyList<string> Tickers, IReadOnlyList<string> Keywords, IReadOnlyList<string> Watchlists)
{
    /// <summary>True when the subscription has no terms (it takes every deal).</summary>
    [JsonIgnore]
    public bool IsFirehose => Tickers.Count == 0 && Keywords.Count == 0 && Watchlists.Count == 0;
}

/// <summary>Explains a match with the same rules as <see cref="SubscriptionMatcher"/>.</summary>
public static class MatchExplainer
{
    /// <summary>The subscription's tickers (as it lists them) and keywords that the deal matches.</summary>
    public static MatchedTerms Explain(Subscription subscription, Deal deal)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(deal);
        var dealTickers = deal.Tickers.Select(t => new TickerKey(t.Code, t.Exchange)).ToList();
        var tickers = subscription.Tickers
            .Where(wanted => TickerNormalizer.TryNormalize(wanted) is { } key && dealTickers.Exists(key.Matches))
            .ToList();
        var text = $"{deal.Title}\n{deal.Summary}";
        var keywords = subscription.Keywords.Where(k => KeywordPattern.Parse(k).IsIn(text)).ToList();
        return new MatchedTerms(tickers, keywords, []);
    }
}
