using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Alerts.Core.Telemetry;

/// <summary>
/// Alerts' traces and metrics (System.Diagnostics, exported by OpenTelemetry in the function app).
/// Queue messages carry the W3C traceparent of their sender, so one trace follows an article from poll to delivery.
/// </summary>
public static class AlertsTelemetry
{
    public const string SourceName = "Alerts";

    public static ActivitySource Source { get; } = new(SourceName);

    private static readonly Meter Meter = new(SourceName);

    /// <summary>Feed items seen for the first time and queued for extraction.</summary>
    public static Counter<long> ItemsPolled { get; } = Meter.CreateCounter<long>("alerts.items.polled", description: "New feed items queued for extraction");

    /// <summary>Deals created (replays not counted).</summary>
    public static Counter<long> DealsExtracted { get; } = Meter.CreateCounter<long>("alerts.deals", description: "Deals extracted");

    /// <summary>Articles that joined an existing deal (another feed or site telling the story, or a revision), tagged by kind.</summary>
    public static Counter<long> DealsUpdated { get; } = Meter.CreateCounter<long>("alerts.deals.updated", description: "Deals given another source or a revision");

    /// <summary>Alerts delivered.</summary>
    public static Counter<long> AlertsDelivered { get; } = Meter.CreateCounter<long>("alerts.alerts.delivered", description: "Alerts delivered");

    /// <summary>Delivery attempts that failed.</summary>
    public static Counter<long> AlertsFailed { get; } = Meter.CreateCounter<long>("alerts.alerts.failed", description: "Alert delivery attempts that failed");

    /// <summary>Time from enqueue to processing, per queue.</summary>
    public static Histogram<double> QueueAge { get; } = Meter.CreateHistogram<double>("alerts.queue.age", unit: "s", description: "Seconds a message waited in its queue");

    /// <summary>
    /// Starts the activity of processing a queue message: a child of the sender's trace, with a link to it
    /// too (so backends that split traces per message still connect them), and records the queue age.
    /// </summary>
    public static Activity? StartProcessing(string name, string queue, string? traceParent, DateTimeOffset? enqueuedAt, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (enqueuedAt is { } enqueued)
        {
            QueueAge.Record(Math.Max(0, (clock.GetUtcNow() - enqueued).TotalSeconds), new KeyValuePair<string, object?>("queue", queue));
        }

        if (traceParent is not null && ActivityContext.TryParse(traceParent, null, out var parent))
        {
            return Source.StartActivity(name, ActivityKind.Consumer, parent, links: [new ActivityLink(parent)]);
        }

        return Source.StartActivity(name, ActivityKind.Consumer);
    }

    /// <summary>Starts the root activity of a timer run.</summary>
    public static Activity? StartScheduled(string name) => Source.StartActivity(name, ActivityKind.Internal);
}

/// <summary>What every queue message carries besides its payload: the sender's trace and the time it was queued.</summary>
public abstract record QueueMessageBase
{
    /// <summary>W3C traceparent of the sender, set when the message is sent.</summary>
    public string? TraceParent { get; init; }

    /// <summary>When the message was queued (for the queue-age metric).</summary>
    public DateTimeOffset? EnqueuedAt { get; init; }
}
