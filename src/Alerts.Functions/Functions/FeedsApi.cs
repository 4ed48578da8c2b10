using System.Text.Json.Nodes;
using Alerts.Core.Api;
using Alerts.Core.Feeds;
using Alerts.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Functions;

/// <summary>HTTP <c>/api/feeds</c>: register, list, read, change (merge patch) and delete feeds (admin key).</summary>
public sealed class FeedsApi(FeedRegistry registry)
{
    [Function("RegisterFeed")]
    public async Task<IActionResult> Register(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "feeds")] HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadAsync<RegisterFeedRequest>(request.Body, cancellationToken);
        return ApiResults.From(body.IsSuccess ? await registry.RegisterAsync(body.Value!, cancellationToken) : ApiResult<FeedResource>.Fail(body.Problem!));
    }

    [Function("ListFeeds")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "feeds")] HttpRequest request, CancellationToken cancellationToken) =>
        new OkObjectResult(await registry.ListAsync(cancellationToken));

    [Function("GetFeed")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "feeds/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        ApiResults.From(await registry.GetAsync(id, cancellationToken));

    [Function("PatchFeed")]
    public async Task<IActionResult> Patch(
        [HttpTrigger(AuthorizationLevel.Function, "patch", Route = "feeds/{id}")] HttpRequest request, string id, CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadAsync<JsonObject>(request.Body, cancellationToken);
        return ApiResults.From(body.IsSuccess ? await registry.PatchAsync(id, body.Value!, cancellationToken) : ApiResult<FeedResource>.Fail(body.Problem!));
    }

    [Function("DeleteFeed")]
    public async Task<IActionResult> Delete(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "feeds/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        await registry.DeleteAsync(id, cancellationToken) ? new NoContentResult() : ApiResults.Problem(ApiProblem.NotFound("feed"));
}
