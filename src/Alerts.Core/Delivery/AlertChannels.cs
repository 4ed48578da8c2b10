using Alerts.Core.Deals;
using Alerts.Core.Subscriptions;

namespace Alerts.Core.Delivery;

/// <summary>The outcome of one delivery attempt.</summary>
/// <param name="Permanent">True when retrying cannot help (e.g. 410 Gone, 4xx).</param>
public sealed record DeliveryAttempt(bool Succeeded, string? Error = null, bool Permanent = false)
{
    public static DeliveryAttempt Success { get; } = new(true);
}

/// <summary>Sends one alert through one channel (webhook or e-mail).</summary>
public interface IAlertChannel
{
    SubscriptionChannel Channel { get; }

    Task<DeliveryAttempt> SendAsync(string alertId, Deal deal, Subscription subscription, CancellationToken cancellationToken);
}
