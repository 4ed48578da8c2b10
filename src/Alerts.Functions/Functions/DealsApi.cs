using Alerts.Core.Deals;
using Alerts.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Functions;

/// <summary>HTTP <c>GET /api/deals?ticker=&amp;limit=</c>: the newest deals (admin key).</summary>
public sealed class DealsApi(DealQueries deals)
{
    [Function("ListDeals")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "deals")] HttpRequest request, CancellationToken cancellationToken) =>
        ApiResults.From(await deals.ListAsync(request.Query["ticker"].FirstOrDefault(), request.Query["limit"].FirstOrDefault(), cancellationToken));
}
