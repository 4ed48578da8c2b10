using Alerts.Core.Deals;
using Alerts.Core.Extraction;

namespace Alerts.Core.Subscriptions;

/// <summary>What matching needs besides the subscription and the deal: the watchlists it may follow and a USD valuer.</summary>
public sealed record MatchContext(IReadOnlyDictionary<string, Watchlist> Watchlists, IUsdValuer Valuer)
{
    /// <summary>No watchlists, the built-in approximate rates.</summary>
    public static MatchContext Default { get; } = new(new Dictionary<string, Watchlist>(), new ApproximateUsdValuer());
}

/// <summary>
/// Decides whether a deal interests a subscription, one pair at a time. This is the reference definition of
/// matching: <see cref="Matching.SubscriptionIndex"/> must give the same answers (a test compares them on random data).
/// </summary>
public static class SubscriptionMatcher
{
    /// <summary>
    /// A deal matches an enabled subscription when it passes the filters (language, minimum amount in USD) and names
    /// one of its tickers or contains one of its keywords as words (<see cref="KeywordPattern"/>), its watchlists'
    /// included (companies count as keywords);
    /// a subscription without tickers, keywords and watchlists matches every deal that passes the filters (a firehose).
    /// </summary>
    public static bool Matches(Subscription subscription, Deal deal) => Matches(subscription, deal, MatchContext.Default);

    public static bool Matches(Subscription subscription, Deal deal, MatchContext context)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(context);
        if (!subscription.Enabled || !PassesFilters(subscription, deal, context.Valuer))
        {
            return false;
        }

        if (subscription.Tickers.Count == 0 && subscription.Keywords.Count == 0 && subscription.Watchlists.Count == 0)
        {
            return true;
        }

        var (tickers, keywords) = Criteria(subscription, context.Watchlists);
        var dealTickers = deal.Tickers.Select(t => new TickerKey(t.Code, t.Exchange)).ToList();
        foreach (var wanted in tickers)
        {
            if (TickerNormalizer.TryNormalize(wanted) is { } key && dealTickers.Exists(key.Matches))
            {
                return true;
            }
        }

        var text = TextOf(deal);
        return keywords.Any(k => KeywordPattern.Parse(k).IsIn(text));
    }

    /// <summary>The text keywords are searched in.</summary>
    public static string TextOf(Deal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return $"{deal.Title}\n{deal.Summary}";
    }

    /// <summary>The subscription's own tickers and keywords plus those of the watchlists it follows (unknown ones ignored).</summary>
    public static (IReadOnlyList<string> Tickers, IReadOnlyList<string> Keywords) Criteria(Subscription subscription, IReadOnlyDictionary<string, Watchlist> watchlists)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(watchlists);
        var followed = subscription.Watchlists.Select(n => watchlists.GetValueOrDefault(n)).OfType<Watchlist>().ToList();
        return (
            [.. subscription.Tickers, .. followed.SelectMany(w => w.Tickers)],
            [.. subscription.Keywords, .. followed.SelectMany(w => w.Keywords.Concat(w.Companies))]);
    }

    /// <summary>Language (ISO 639-1, region ignored) and minimum amount (both in USD; a deal of unknown value fails a minimum).</summary>
    public static bool PassesFilters(Subscription subscription, Deal deal, IUsdValuer valuer)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(valuer);
        if (subscription.Languages.Count > 0
            && (LanguageOf(deal) is not { } language || !subscription.Languages.Contains(language, StringComparer.OrdinalIgnoreCase)))
        {
            return false;
        }

        return subscription.MinAmount is not { } min
            || (valuer.ToUsd(min.Value, min.Currency) is { } minUsd && deal.LargestUsd is { } usd && usd >= minUsd);
    }

    /// <summary>"en" for "en", "en-GB" or "EN".</summary>
    public static string? LanguageOf(Deal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var language = deal.Language;
        if (string.IsNullOrEmpty(language))
        {
            return null;
        }

        var dash = language.IndexOfAny(['-', '_']);
        return (dash > 0 ? language[..dash] : language).ToLowerInvariant();
    }
}
