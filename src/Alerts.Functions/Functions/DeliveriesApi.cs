using Alerts.Core.Delivery;
using Alerts.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Functions;

/// <summary>HTTP <c>GET /api/subscriptions/{id}/deliveries</c>: the subscription's delivery records (admin key).</summary>
public sealed class DeliveriesApi(DeliveryQueries deliveries)
{
    [Function("ListDeliveries")]
    public async Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "subscriptions/{id}/deliveries")] HttpRequest request, string id, CancellationToken cancellationToken) =>
        ApiResults.From(await deliveries.ListAsync(id, cancellationToken));
}
