using System.Net;
using Alerts.Core.Api;
using Alerts.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Delivery;

/// <summary>
/// The anonymous <c>/api/unsubscribe?token=</c> endpoint: GET shows a confirmation page (mail scanners that
/// prefetch links unsubscribe nobody), POST unsubscribes (RFC 8058 one-click, body <c>List-Unsubscribe=One-Click</c>).
/// </summary>
public sealed partial class UnsubscribeService(UnsubscribeTokens tokens, ISubscriptionStore subscriptions, ILogger<UnsubscribeService> logger)
{
    public const string DisabledReason = "unsubscribed";

    /// <summary>The confirmation page with a button that POSTs the same URL.</summary>
    public async Task<ApiResult<string>> ConfirmationPageAsync(string? token, CancellationToken cancellationToken)
    {
        var subscription = await FindAsync(token, cancellationToken).ConfigureAwait(false);
        if (!subscription.IsSuccess)
        {
            return ApiResult<string>.Fail(subscription.Problem!);
        }

        var action = WebUtility.HtmlEncode("unsubscribe?token=" + Uri.EscapeDataString(token!));
        return ApiResult<string>.Ok(Page(
            "Unsubscribe from Alerts?",
            $"""
            <p>Stop sending deal alerts to <strong>{WebUtility.HtmlEncode(subscription.Value!.Target)}</strong>?</p>
            <form method="post" action="{action}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">Unsubscribe</button></form>
            """));
    }

    /// <summary>Disables the token's subscription; repeating it is harmless.</summary>
    public async Task<ApiResult<string>> UnsubscribeAsync(string? token, CancellationToken cancellationToken)
    {
        var found = await FindAsync(token, cancellationToken).ConfigureAwait(false);
        if (!found.IsSuccess)
        {
            return ApiResult<string>.Fail(found.Problem!);
        }

        var subscription = found.Value!;
        if (subscription.Enabled)
        {
            await subscriptions.UpdateAsync(subscription with { Enabled = false, DisabledReason = DisabledReason }, cancellationToken).ConfigureAwait(false);
            LogUnsubscribed(logger, subscription.Id);
        }

        return ApiResult<string>.Ok(Page("Unsubscribed", $"<p>{WebUtility.HtmlEncode(subscription.Target)} gets no more alerts from this subscription.</p>"));
    }

    private async Task<ApiResult<Subscriptions.Subscription>> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (tokens.Validate(token) is not { } id)
        {
            return ApiProblem.Invalid("token", "The unsubscribe link is invalid or was altered. Use the link from the mail as it is.");
        }

        var subscription = await subscriptions.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return subscription is null ? ApiProblem.NotFound("subscription") : ApiResult<Subscriptions.Subscription>.Ok(subscription);
    }

    private static string Page(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>{title}</title></head>
        <body><h1>{title}</h1>
        {body}
        </body></html>
        """;

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {SubscriptionId} unsubscribed by its recipient")]
    private static partial void LogUnsubscribed(ILogger logger, string subscriptionId);
}
