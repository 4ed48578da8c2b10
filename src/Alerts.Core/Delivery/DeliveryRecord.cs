namespace Alerts.Core.Delivery;

/// <summary>Where an alert is in its delivery.</summary>
public enum DeliveryStatus
{
    Queued,
    Delivered,
    Failed,
}

/// <summary>The delivery record of one alert (one deal to one subscription).</summary>
public sealed record DeliveryRecord
{
    public required string SubscriptionId { get; init; }
    public required string AlertId { get; init; }
    public required string DealId { get; init; }
    public required DeliveryStatus Status { get; init; }
    public int Attempts { get; init; }
    public string? LastError { get; init; }
    public required DateTimeOffset Created { get; init; }
    public DateTimeOffset? Delivered { get; init; }
}
