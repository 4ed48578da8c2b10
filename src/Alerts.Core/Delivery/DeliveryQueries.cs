using Alerts.Core.Api;
using Alerts.Core.Storage;

namespace Alerts.Core.Delivery;

/// <summary>Reads delivery records for the API (<c>GET /api/subscriptions/{id}/deliveries</c>).</summary>
public sealed class DeliveryQueries(ISubscriptionStore subscriptions, IDeliveryStore deliveries)
{
    public async Task<ApiResult<IReadOnlyList<DeliveryRecord>>> ListAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriptionId);
        var known = subscriptionId.Length is > 0 and <= 64 && subscriptionId.All(char.IsAsciiLetterOrDigit)
            && await subscriptions.GetAsync(subscriptionId, cancellationToken).ConfigureAwait(false) is not null;
        return known
            ? ApiResult<IReadOnlyList<DeliveryRecord>>.Ok(await deliveries.ListAsync(subscriptionId, cancellationToken).ConfigureAwait(false))
            : ApiProblem.NotFound("subscription");
    }
}
