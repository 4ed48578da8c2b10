using Alerts.Core.Api;
using Alerts.Core.Feeds;
using Alerts.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Functions;

/// <summary>HTTP <c>/api/feeds</c>: register and list feeds (admin key).</summary>
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
}
