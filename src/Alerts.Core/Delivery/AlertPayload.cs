using Alerts.Core.Deals;
using Alerts.Core.Extraction;

namespace Alerts.Core.Delivery;

/// <summary>The JSON body POSTed to webhooks.</summary>
public sealed record WebhookPayload(
    string Type,
    string Id,
    DateTimeOffset Timestamp,
    WebhookDeal Deal,
    WebhookSubscription Subscription);

/// <summary>The deal as webhooks see it.</summary>
public sealed record WebhookDeal(
    string Id,
    string Title,
    string? Url,
    DateTimeOffset? Published,
    string? Language,
    IReadOnlyList<WebhookAmount> Amounts,
    IReadOnlyList<string> Tickers)
{
    public static WebhookDeal From(Deal deal) => new(
        deal.Id,
        deal.Title,
        deal.Link,
        deal.Published,
        deal.Language,
        deal.Amounts.Select(a => new WebhookAmount(a.Value, a.Currency, a.Qualifier, a.Evidence.Text)).ToList(),
        deal.Tickers.Select(t => t.Symbol).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
}

/// <summary>An amount in a webhook payload.</summary>
public sealed record WebhookAmount(decimal Value, string Currency, AmountQualifier Qualifier, string Text);

/// <summary>The subscription an alert was sent for.</summary>
public sealed record WebhookSubscription(string Id);
