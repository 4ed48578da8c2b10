using Alerts.Core;
using Alerts.Core.Telemetry;
using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Alerts.Functions.Http;
using Azure.Core.Serialization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Alerts.Functions;

/// <summary>Composition of the function app on top of <see cref="AlertsCoreExtensions.AddAlertsCore"/>.</summary>
public static class AlertsFunctionsExtensions
{
    public static IHostApplicationBuilder AddAlertsFunctions(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Queue messages and HTTP bodies use the one Alerts JSON configuration.
        builder.Services.Configure<WorkerOptions>(o => o.Serializer = new JsonObjectSerializer(AlertsJson.Options));
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o =>
        {
            var json = o.JsonSerializerOptions;
            json.PropertyNamingPolicy = AlertsJson.Options.PropertyNamingPolicy;
            json.DefaultIgnoreCondition = AlertsJson.Options.DefaultIgnoreCondition;
            foreach (var converter in AlertsJson.Options.Converters)
            {
                json.Converters.Add(converter);
            }
        });
        if (builder is Microsoft.Azure.Functions.Worker.Builder.FunctionsApplicationBuilder functions)
        {
            AddOpenTelemetry(functions);
            // First, so it also answers for exceptions in the middleware after it.
            functions.UseMiddleware<UnhandledExceptionMiddleware>();
            functions.UseMiddleware<AdminKeyMiddleware>();
            functions.UseMiddleware<Telemetry.QueueTraceMiddleware>();
        }

        return builder;
    }

    // Traces (one per article, carried through the queues) and metrics to Application Insights. Its local auth
    // is disabled in infra/, so the exporter signs in with the app's managed identity.
    private static void AddOpenTelemetry(IHostApplicationBuilder builder)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(t => t.AddSource(AlertsTelemetry.SourceName))
            .WithMetrics(m => m.AddMeter(AlertsTelemetry.SourceName));
        if (!string.IsNullOrEmpty(builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            telemetry.UseAzureMonitorExporter(o => o.Credential = new DefaultAzureCredential());
        }
    }
}
