using System.Text.Json.Serialization;

namespace Alerts.Core.Delivery;

/// <summary>Where an alert is in its delivery.</summary>
public enum DeliveryStatus
{
    /// <summary>Queued, not tried yet.</summary>
    Queued,

    Delivered,

    /// <summary>Given up: the record's LastError says why.</summary>
    Failed,

    /// <summary>Tried and failed; the next attempt waits on the queue.</summary>
    Retrying,

    /// <summary>Waits for the subscription's next hourly or daily digest.</summary>
    PendingDigest,
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

    /// <summary>HTTP status (webhooks) or SMTP reply code of the last attempt, when there was one.</summary>
    public int? LastStatusCode { get; init; }

    public required DateTimeOffset Created { get; init; }
    public DateTimeOffset? LastAttempt { get; init; }

    /// <summary>When the next attempt is due (status Retrying).</summary>
    public DateTimeOffset? NextAttempt { get; init; }

    public DateTimeOffset? Delivered { get; init; }

    /// <summary>True while more attempts may follow.</summary>
    [JsonIgnore]
    public bool IsOpen => Status is DeliveryStatus.Queued or DeliveryStatus.Retrying;
}
