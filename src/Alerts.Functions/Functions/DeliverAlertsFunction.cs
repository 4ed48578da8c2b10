using Alerts.Core.Deals;
using Alerts.Core.Delivery;
using Alerts.Core.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Functions;

/// <summary>Queue <c>alerts</c>: sends one alert by webhook or e-mail; failures retry through the queue.</summary>
public sealed class DeliverAlertsFunction(AlertDeliverer deliverer)
{
    [Function("DeliverAlerts")]
    public Task<DeliveryStatus> Run([QueueTrigger(StorageNames.AlertsQueue)] AlertMessage alert, CancellationToken cancellationToken) =>
        deliverer.DeliverAsync(alert, cancellationToken);
}
