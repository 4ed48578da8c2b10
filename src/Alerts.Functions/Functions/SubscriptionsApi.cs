using Alerts.Core.Api;
using Alerts.Core.Subscriptions;
using Alerts.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Functions;

/// <summary>
/// HTTP <c>/api/subscriptions</c>: create, list, read, update and delete subscriptions, rotate a webhook secret (admin key).
/// The signing secret is only in the answers that issue it.
/// </summary>
public sealed class SubscriptionsApi(SubscriptionService subscriptions)
{
    [Function("CreateSubscription")]
    public async Task<IActionResult> Create(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "subscriptions")] HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadAsync<CreateSubscriptionRequest>(request.Body, cancellationToken);
        return ApiResults.From(body.IsSuccess ? await subscriptions.CreateAsync(body.Value!, cancellationToken) : ApiResult<Subscription>.Fail(body.Problem!), SubscriptionResource.WithSecret);
    }

    [Function("ListSubscriptions")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "subscriptions")] HttpRequest request, CancellationToken cancellationToken) =>
        ApiResults.From(await subscriptions.ListPageAsync(
            request.Query["watchlist"].FirstOrDefault(), request.Query["cursor"].FirstOrDefault(), request.Query["limit"].FirstOrDefault(), cancellationToken),
            page => new Page<SubscriptionResource>(page.Items.Select(SubscriptionResource.From).ToList(), page.NextCursor));

    [Function("GetSubscription")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "subscriptions/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        ApiResults.From(await subscriptions.GetAsync(id, cancellationToken), SubscriptionResource.From);

    [Function("RotateSubscriptionSecret")]
    public async Task<IActionResult> RotateSecret(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "subscriptions/{id}/rotate-secret")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        ApiResults.From(await subscriptions.RotateSecretAsync(id, cancellationToken), SubscriptionResource.WithSecret);

    [Function("UpdateSubscription")]
    public async Task<IActionResult> Update(
        [HttpTrigger(AuthorizationLevel.Function, "patch", Route = "subscriptions/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadAsync<UpdateSubscriptionRequest>(request.Body, cancellationToken);
        return ApiResults.From(body.IsSuccess
            ? await subscriptions.UpdateAsync(id, body.Value!, ApiResults.IfMatch(request), cancellationToken)
            : ApiResult<Subscription>.Fail(body.Problem!), SubscriptionResource.From);
    }

    [Function("DeleteSubscription")]
    public async Task<IActionResult> Delete(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "subscriptions/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        ApiResults.From(await subscriptions.DeleteAsync(id, ApiResults.IfMatch(request), cancellationToken), SubscriptionResource.From);
}
