using Alerts.Core.Deals;
using Alerts.Core.Extraction;

namespace Alerts.Core.Subscriptions;

/// <summary>Decides whether a deal interests a subscription.</summary>
public static class SubscriptionMatcher
{
    /// <summary>
    /// A deal matches when it names one of the subscription's tickers or contains one of its keywords;
    /// a subscription with neither matches every deal (a firehose).
    /// </summary>
    public static bool Matches(Subscription subscription, Deal deal)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(deal);
        if (!subscription.Enabled)
        {
            return false;
        }

        if (subscription.Tickers.Count == 0 && subscription.Keywords.Count == 0)
        {
            return true;
        }

        var dealTickers = deal.Tickers.Select(t => new TickerKey(t.Code, t.Exchange)).ToList();
        foreach (var wanted in subscription.Tickers)
        {
            if (TickerNormalizer.TryNormalize(wanted) is { } key && dealTickers.Exists(key.Matches))
            {
                return true;
            }
        }

        var text = $"{deal.Title}\n{deal.Summary}";
        return subscription.Keywords.Any(k => text.Contains(k, StringComparison.OrdinalIgnoreCase));
    }
}
