using Alerts.Core.Deals;
using Alerts.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Functions;

/// <summary>HTTP <c>GET /api/deals?ticker=&amp;since=&amp;minUsd=&amp;cursor=&amp;limit=</c> and <c>GET /api/deals/{id}</c> (admin key).</summary>
public sealed class DealsApi(DealQueries deals)
{
    [Function("ListDeals")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "deals")] HttpRequest request, CancellationToken cancellationToken) =>
        ApiResults.From(await deals.ListAsync(
            request.Query["ticker"].FirstOrDefault(), request.Query["since"].FirstOrDefault(), request.Query["minUsd"].FirstOrDefault(),
            request.Query["cursor"].FirstOrDefault(), request.Query["limit"].FirstOrDefault(), cancellationToken));

    [Function("GetDeal")]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "deals/{id}")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        ApiResults.From(await deals.GetAsync(id, cancellationToken));
}
