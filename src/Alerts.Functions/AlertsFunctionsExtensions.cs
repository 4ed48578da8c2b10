using Alerts.Core;
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
            functions.UseMiddleware<AdminKeyMiddleware>();
        }

        return builder;
    }
}
