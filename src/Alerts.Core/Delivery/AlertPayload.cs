using Alerts.Core.Deals;
using Alerts.Core.Extraction;
using Alerts.Core.Subscriptions;

namespace Alerts.Core.Delivery;

/// <summary>The JSON body POSTed to webhooks.</summary>
/// <param name="Id">The alert id, also sent as <c>webhook-id</c>: the same on every retry.</param>
/// <param name="Timestamp">When the alert was raised (stable across retries; the attempt time is in <c>webhook-timestamp</c>).</param>
public sealed record WebhookPayload(
    string Type,
    string Id,
    DateTimeOffset Timestamp,
    WebhookDeal Deal,
    WebhookSubscription Subscription,
    MatchedTerms Matched)
{
    public const string DealMatched = "deal.matched";
}

/// <summary>The deal as webhooks see it.</summary>
/// <param name="Amounts">Each amount once (a story often names it in its title and again in its summary).</param>
/// <param name="Sources">Links to every article that told the story (other feeds, other sites' copies).</param>
public sealed record WebhookDeal(
    string Id,
    string Title,
    string? Url,
    DateTimeOffset? Published,
    string? Language,
    IReadOnlyList<WebhookAmount> Amounts,
    IReadOnlyList<string> Tickers,
    IReadOnlyList<string> Sources)
{
    public static WebhookDeal From(Deal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return new(
            deal.Id,
            deal.Title,
            deal.Link,
            deal.Published,
            deal.Language,
            deal.Amounts.DistinctBy(a => (a.Value, a.Currency, a.Qualifier)).Select(a => new WebhookAmount(a.Value, a.Currency, a.Qualifier, a.Evidence.Text)).ToList(),
            deal.Tickers.Select(t => t.Symbol).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            SourcesOf(deal));
    }

    /// <summary>The deal's source links, first source first, each once (deals stored before sources existed: their link).</summary>
    public static IReadOnlyList<string> SourcesOf(Deal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return deal.Sources.Select(s => s.Url).Prepend(deal.Link).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
    }
}

/// <summary>An amount in a webhook payload.</summary>
public sealed record WebhookAmount(decimal Value, string Currency, AmountQualifier Qualifier, string Text);

/// <summary>The subscription an alert was sent for.</summary>
public sealed record WebhookSubscription(string Id);
