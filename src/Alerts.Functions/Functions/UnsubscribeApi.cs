using Alerts.Core.Api;
using Alerts.Core.Delivery;
using Alerts.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Functions;

/// <summary>
/// HTTP <c>/api/unsubscribe?token=</c>, anonymous (the signed token is the authorisation): GET shows a confirmation
/// page, POST unsubscribes (RFC 8058 one-click).
/// </summary>
public sealed class UnsubscribeApi(UnsubscribeService unsubscribe)
{
    [Function("UnsubscribePage")]
    public async Task<IActionResult> Page(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "unsubscribe")] HttpRequest request, CancellationToken cancellationToken) =>
        Html(await unsubscribe.ConfirmationPageAsync(request.Query["token"].FirstOrDefault(), cancellationToken));

    [Function("Unsubscribe")]
    public async Task<IActionResult> Unsubscribe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "unsubscribe")] HttpRequest request, CancellationToken cancellationToken) =>
        Html(await unsubscribe.UnsubscribeAsync(request.Query["token"].FirstOrDefault(), cancellationToken));

    private static IActionResult Html(ApiResult<string> result) => result.IsSuccess
        ? new ContentResult { Content = result.Value, ContentType = "text/html; charset=utf-8", StatusCode = result.Status }
        : ApiResults.Problem(result.Problem!);
}
