using System.Reflection;
using Alerts.Core;
using Alerts.Core.Feeds;
using Alerts.Core.Security;
using Alerts.Functions;
using Alerts.Functions.Http;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alerts.Cli.LocalHost;

/// <summary>Settings of one local host run.</summary>
internal sealed record LocalHostOptions
{
    /// <summary>Where the HTTP API listens (func start's default: port 7071).</summary>
    public string Url { get; init; } = "http://localhost:7071";

    /// <summary>Storage connection string (Azurite); null keeps AzureWebJobsStorage from configuration.</summary>
    public string? StorageConnectionString { get; init; }

    /// <summary>Serve and register the bundled sample feed.</summary>
    public bool Sample { get; init; } = true;

    /// <summary>Settings that win over appsettings and environment (used by tests).</summary>
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>();

    /// <summary>Log to the console in stage lines.</summary>
    public bool ConsoleLogging { get; init; } = true;
}

/// <summary>
/// Runs the function app's own functions in one process without Azure Functions Core Tools: HTTP functions
/// on Kestrel under /api, queue and timer functions with the Functions host's semantics from host.json.
/// </summary>
internal static class LocalFunctionHost
{
    /// <summary>Defaults for local development; appsettings, environment and overrides win over them.</summary>
    public static readonly IReadOnlyDictionary<string, string?> LocalDefaults = new Dictionary<string, string?>
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["Alerts:AdminKey"] = "local-dev-admin-key",
        ["Alerts:PollSchedule"] = "0 */1 * * * *",
        ["Alerts:SubscriptionBackfill"] = "01:00:00",
        ["Alerts:Smtp:Host"] = "localhost",
        ["Alerts:Smtp:Port"] = "2525",
        ["Alerts:Smtp:Security"] = "None",
        ["Alerts:PublicBaseUrl"] = "http://localhost:7071",
        // A fixed key for local runs only: links in local mails keep working across restarts.
        ["Alerts:Unsubscribe:SigningKey"] = "local-dev-unsubscribe-signing-key-not-for-production",
    };

    public const string SamplePath = "/sample/feed.xml";

    public static WebApplication Build(LocalHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = LocalDefaults });
        var forced = new Dictionary<string, string?>(options.Overrides)
        {
            ["Alerts:AllowLoopback"] = options.Overrides.GetValueOrDefault("Alerts:AllowLoopback") ?? "true",
        };
        if (options.StorageConnectionString is not null)
        {
            forced["AzureWebJobsStorage"] = options.StorageConnectionString;
        }

        builder.Configuration.AddInMemoryCollection(forced);
        builder.WebHost.UseUrls(options.Url);
        ConfigureLogging(builder.Logging, options.ConsoleLogging);

        builder.AddAlertsCore();
        builder.AddAlertsFunctions();
        builder.Services.AddMvcCore();
        builder.Services.AddRouting();

        var hostJson = HostJsonSettings.Load(Path.Combine(AppContext.BaseDirectory, "host.json"));
        builder.Services.AddSingleton(hostJson);
        var functions = FunctionCatalog.Discover(typeof(AlertsFunctionsExtensions).Assembly);
        foreach (var type in functions.Select(f => f.DeclaringType).Distinct())
        {
            builder.Services.AddScoped(type);
        }

        foreach (var function in functions)
        {
            switch (function.Trigger)
            {
                case QueueFunctionTrigger:
                    builder.Services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<QueueTriggerListener>(sp, function));
                    break;
                case TimerFunctionTrigger:
                    builder.Services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<TimerTriggerScheduler>(sp, function));
                    break;
            }
        }

        var app = builder.Build();
        foreach (var function in functions)
        {
            if (function.Trigger is HttpFunctionTrigger http)
            {
                app.MapMethods("/api/" + http.Route, http.Methods.Select(m => m.ToUpperInvariant()).ToArray(), context => InvokeHttpAsync(function, http, context))
                    .WithDisplayName(function.Name);
            }
        }

        if (options.Sample)
        {
            app.MapGet(SamplePath, () => Results.File(Path.Combine(AppContext.BaseDirectory, "Sample", "sample-feed.xml"), "application/rss+xml; charset=utf-8"));
            app.Lifetime.ApplicationStarted.Register(() => _ = RegisterSampleAsync(app));
        }

        return app;
    }

    /// <summary>The address the HTTP API actually listens on (after start; resolves port 0).</summary>
    public static Uri BaseAddress(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal).Replace("0.0.0.0", "localhost", StringComparison.Ordinal));
    }

    private static async Task InvokeHttpAsync(FunctionDescriptor function, HttpFunctionTrigger trigger, HttpContext context)
    {
        var action = new ActionContext(context, context.GetRouteData(), new ActionDescriptor());
        var authorizer = context.RequestServices.GetRequiredService<AdminKeyAuthorizer>();
        if (!trigger.Anonymous && !authorizer.IsAuthorized(context.Request.Headers[AdminKeyAuthorizer.HeaderName].FirstOrDefault()))
        {
            await ApiResults.Unauthorized().ExecuteResultAsync(action).ConfigureAwait(false);
            return;
        }

        object? result;
        try
        {
            result = await FunctionInvoker.InvokeAsync(function, context.RequestServices, p => BindHttpParameter(p, context)).ConfigureAwait(false);
        }
        catch (Exception ex) when (UnexpectedErrors.CanAnswer(context, ex))
        {
            // As UnhandledExceptionMiddleware does in Azure: the same problem+json 500, not Kestrel's bare one.
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(UnexpectedErrors.LogCategory);
            await UnexpectedErrors.AnswerAsync(context, ex, logger, function.Name, context.TraceIdentifier).ConfigureAwait(false);
            return;
        }

        if (result is IActionResult actionResult)
        {
            await actionResult.ExecuteResultAsync(action).ConfigureAwait(false);
        }
    }

    private static (bool, object?) BindHttpParameter(ParameterInfo parameter, HttpContext context) =>
        parameter.ParameterType == typeof(HttpRequest) ? (true, context.Request)
        : parameter.ParameterType == typeof(CancellationToken) ? (true, context.RequestAborted)
        : parameter.ParameterType == typeof(string) && parameter.Name is { } name && context.Request.RouteValues.TryGetValue(name, out var value) ? (true, value?.ToString())
        : (false, null);

    private static async Task RegisterSampleAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Alerts.Cli.Sample");
        try
        {
            var url = new Uri(BaseAddress(app), SamplePath);
            var result = await app.Services.GetRequiredService<FeedRegistry>()
                .RegisterAsync(new RegisterFeedRequest(url.AbsoluteUri), app.Lifetime.ApplicationStopping).ConfigureAwait(false);
#pragma warning disable CA1848 // Two start-up lines: a source-generated logger would add nothing here.
            logger.LogInformation(
                result.Status == 201
                    ? "Sample feed registered: {Url}. Its article appears below within seconds."
                    : "Sample feed {Url} is known from an earlier run, so its article is not new. Use --ephemeral for a fresh demo.",
                url);
#pragma warning restore CA1848
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or InvalidOperationException)
        {
#pragma warning disable CA1848
            logger.LogError("Could not register the sample feed: {Reason}", ex.Message);
#pragma warning restore CA1848
        }
    }

    private static void ConfigureLogging(ILoggingBuilder logging, bool console)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("System", LogLevel.Warning);
        logging.AddFilter("Azure", LogLevel.Warning);
        logging.AddFilter("Polly", LogLevel.Warning);
        if (console)
        {
            logging.AddConsole(o => o.FormatterName = StageConsoleFormatter.FormatterName);
            logging.AddConsoleFormatter<StageConsoleFormatter, Microsoft.Extensions.Logging.Console.ConsoleFormatterOptions>();
        }
    }
}
