using Alerts.Core.Configuration;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Delivery;

/// <summary>Delivers instant alerts as one multipart (text + HTML) mail per deal.</summary>
public sealed class EmailChannel(SmtpMailer mailer, UnsubscribeTokens tokens, IOptionsMonitor<AlertsOptions> options) : IAlertChannel
{
    public SubscriptionChannel Channel => SubscriptionChannel.Email;

    public Task<DeliveryAttempt> SendAsync(OutgoingAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var unsubscribe = AlertMail.UnsubscribeUrl(options.CurrentValue, tokens, alert.Subscription.Id);
        return mailer.SendAsync(AlertMail.Compose(alert, mailer.Options, unsubscribe), cancellationToken);
    }
}
