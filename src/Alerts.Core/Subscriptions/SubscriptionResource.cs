namespace Alerts.Core.Subscriptions;

/// <summary>A subscription as the API shows it: the signing secret only in the answers that issue it (create, rotate).</summary>
public sealed record SubscriptionResource(
    string Id,
    SubscriptionChannel Channel,
    string Target,
    IReadOnlyList<string> Tickers,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Watchlists,
    Money? MinAmount,
    IReadOnlyList<string> Languages,
    SubscriptionMode Mode,
    DateTimeOffset Created,
    bool Enabled,
    string? DisabledReason,
    string? Secret)
{
    /// <summary>The projection of reads and lists: never the secret.</summary>
    public static SubscriptionResource From(Subscription subscription) => Project(subscription, includeSecret: false);

    /// <summary>The projection of the answers that issue a secret (201 on create, rotate-secret).</summary>
    public static SubscriptionResource WithSecret(Subscription subscription) => Project(subscription, includeSecret: true);

    private static SubscriptionResource Project(Subscription subscription, bool includeSecret)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return new(
            subscription.Id,
            subscription.Channel,
            subscription.Target,
            subscription.Tickers,
            subscription.Keywords,
            subscription.Watchlists,
            subscription.MinAmount,
            subscription.Languages,
            subscription.Mode,
            subscription.Created,
            subscription.Enabled,
            subscription.DisabledReason,
            includeSecret ? subscription.Secret : null);
    }
}
