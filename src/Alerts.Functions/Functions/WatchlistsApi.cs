using Alerts.Core.Api;
using Alerts.Core.Subscriptions;
using Alerts.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Functions;

/// <summary>HTTP <c>/api/watchlists</c>: create or replace, list, read and delete watchlists (admin key).</summary>
public sealed class WatchlistsApi(WatchlistService watchlists)
{
    [Function("PutWatchlist")]
    public async Task<IActionResult> Put(
        [HttpTrigger(AuthorizationLevel.Function, "put", Route = "watchlists/{name}")] HttpRequest request, string name, CancellationToken cancellationToken)
    {
        var body = await ApiJson.ReadAsync<PutWatchlistRequest>(request.Body, cancellationToken);
        return ApiResults.From(body.IsSuccess
            ? await watchlists.PutAsync(name, body.Value!, ApiResults.IfMatch(request), cancellationToken)
            : ApiResult<Watchlist>.Fail(body.Problem!));
    }

    [Function("ListWatchlists")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "watchlists")] HttpRequest request, CancellationToken cancellationToken) =>
        new OkObjectResult(await watchlists.ListAsync(cancellationToken));

    [Function("GetWatchlist")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "watchlists/{name}")] HttpRequest request, string name, CancellationToken cancellationToken) =>
        ApiResults.From(await watchlists.GetAsync(name, cancellationToken));

    [Function("DeleteWatchlist")]
    public async Task<IActionResult> Delete(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "watchlists/{name}")] HttpRequest request, string name, CancellationToken cancellationToken) =>
        ApiResults.From(await watchlists.DeleteAsync(name, ApiResults.IfMatch(request), cancellationToken));
}
