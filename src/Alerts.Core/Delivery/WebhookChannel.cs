using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Alerts.Core.Configuration;
using Alerts.Core.Deals;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Delivery;

/// <summary>Delivers alerts as JSON POSTs to the subscriber's URL (through the SSRF-guarded client, redirects not followed).</summary>
public sealed class WebhookChannel(IHttpClientFactory httpClients, TimeProvider clock, IOptionsMonitor<DeliveryOptions> options) : IAlertChannel
{
    /// <summary>Name of the <see cref="HttpClient"/> used for webhooks.</summary>
    public const string HttpClientName = "webhooks";

    public SubscriptionChannel Channel => SubscriptionChannel.Webhook;

    public async Task<DeliveryAttempt> SendAsync(string alertId, Deal deal, Subscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(subscription);
        var payload = new WebhookPayload("deal.matched", alertId, clock.GetUtcNow(), WebhookDeal.From(deal), new WebhookSubscription(subscription.Id));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.CurrentValue.WebhookTimeout);
        // Serialised up front: receivers get a Content-Length, and the exact bytes can be signed.
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, AlertsJson.Options);
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Target) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("webhook-id", alertId);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return status switch
            {
                >= 200 and < 300 => DeliveryAttempt.Success,
                (int)HttpStatusCode.Gone => new DeliveryAttempt(false, "410 Gone: the receiver asked to stop", Permanent: true),
                429 or >= 500 => new DeliveryAttempt(false, $"HTTP {status}"),
                _ => new DeliveryAttempt(false, $"HTTP {status}", Permanent: status is >= 400 and < 500 and not 408),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryAttempt(false, $"No answer within {options.CurrentValue.WebhookTimeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException ex)
        {
            return new DeliveryAttempt(false, ex.Message);
        }
    }
}
