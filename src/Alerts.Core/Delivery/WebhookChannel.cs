using System.Net.Http.Headers;
using System.Text.Json;
using Alerts.Core.Configuration;
using Alerts.Core.Security;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Delivery;

/// <summary>
/// Delivers alerts as JSON POSTs signed per Standard Webhooks, through the SSRF-guarded client
/// (redirects not followed), each attempt bounded by <c>Alerts:Delivery:WebhookTimeout</c>.
/// </summary>
public sealed class WebhookChannel(IHttpClientFactory httpClients, OutboundRequestGuard guard, TimeProvider clock, IOptionsMonitor<DeliveryOptions> options) : IAlertChannel
{
    /// <summary>Name of the <see cref="HttpClient"/> used for webhooks.</summary>
    public const string HttpClientName = "webhooks";

    public SubscriptionChannel Channel => SubscriptionChannel.Webhook;

    public async Task<DeliveryAttempt> SendAsync(OutgoingAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var subscription = alert.Subscription;
        var url = Uri.TryCreate(subscription.Target, UriKind.Absolute, out var parsed) ? parsed : null;
        if ((url is null ? "must be an absolute URL" : guard.CheckUrl(url)) is { } refused)
        {
            return new DeliveryAttempt(AttemptOutcome.Permanent, $"The webhook URL is refused: it {refused}");
        }

        var payload = new WebhookPayload(WebhookPayload.DealMatched, alert.AlertId, alert.Raised, WebhookDeal.From(alert.Deal), new WebhookSubscription(subscription.Id), alert.Matched);
        // Serialised up front: receivers get a Content-Length, and the exact bytes are signed.
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, AlertsJson.Options);
        var now = clock.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WebhookSignature.IdHeader, alert.AlertId);
        request.Headers.TryAddWithoutValidation(WebhookSignature.TimestampHeader, WebhookSignature.Timestamp(now));
        if (subscription.Secret is { } secret)
        {
            request.Headers.TryAddWithoutValidation(WebhookSignature.SignatureHeader, WebhookSignature.Sign(secret, alert.AlertId, now, body));
        }

        var timeoutAfter = options.CurrentValue.WebhookTimeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(timeoutAfter);
        try
        {
            // Headers are enough to judge the answer; a receiver trickling a body cannot hold the attempt.
            using var response = await httpClients.CreateClient(HttpClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            return Judge((int)response.StatusCode, RetryAfterOf(response, now));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new DeliveryAttempt(AttemptOutcome.Transient, $"No answer within {timeoutAfter.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            return new DeliveryAttempt(AttemptOutcome.Transient, ex.Message);
        }
    }

    /// <summary>Classifies an HTTP status: 2xx delivered, 410 gone, 408/429/5xx transient, other 3xx/4xx rejected.</summary>
    public static DeliveryAttempt Judge(int status, TimeSpan? retryAfter = null) => status switch
    {
        >= 200 and < 300 => DeliveryAttempt.Success with { StatusCode = status },
        410 => new DeliveryAttempt(AttemptOutcome.Gone, "HTTP 410 Gone: the receiver asked to stop", status),
        429 or 503 => new DeliveryAttempt(AttemptOutcome.Transient, $"HTTP {status}", status, retryAfter),
        408 or >= 500 => new DeliveryAttempt(AttemptOutcome.Transient, $"HTTP {status}", status),
        >= 300 and < 400 => new DeliveryAttempt(AttemptOutcome.Rejected, $"HTTP {status}: redirects are not followed", status),
        _ => new DeliveryAttempt(AttemptOutcome.Rejected, $"HTTP {status}", status),
    };

    private static TimeSpan? RetryAfterOf(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };
}
