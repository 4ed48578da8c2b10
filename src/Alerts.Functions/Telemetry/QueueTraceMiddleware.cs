using Alerts.Core.Telemetry;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Alerts.Functions.Telemetry;

/// <summary>
/// Continues the trace a queue message carries (its <c>traceParent</c>), so one trace follows an article from
/// poll to delivery; timer runs start a new trace. The Storage queue extension does not propagate context itself.
/// </summary>
internal sealed class QueueTraceMiddleware(TimeProvider clock) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var trigger = context.FunctionDefinition.InputBindings.Values.FirstOrDefault(b => b.Type.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase));
        using var activity = trigger?.Type switch
        {
            "queueTrigger" => AlertsTelemetry.StartProcessing(
                context.FunctionDefinition.Name,
                context.FunctionDefinition.Name,
                Value(context, "traceParent"),
                DateTimeOffset.TryParse(Value(context, "enqueuedAt"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : null,
                clock),
            "timerTrigger" => AlertsTelemetry.StartScheduled(context.FunctionDefinition.Name),
            _ => null,
        };
        await next(context).ConfigureAwait(false);
    }

    // The host exposes the JSON message's top-level properties as binding data.
    private static string? Value(FunctionContext context, string name) =>
        context.BindingContext.BindingData.FirstOrDefault(kv => string.Equals(kv.Key, name, StringComparison.OrdinalIgnoreCase)).Value?.ToString();
}
