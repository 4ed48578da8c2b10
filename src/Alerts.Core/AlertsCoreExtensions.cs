using Alerts.Core.Configuration;
using Alerts.Core.Deals;
using Alerts.Core.Delivery;
using Alerts.Core.Extraction;
using Alerts.Core.Feeds;
using Alerts.Core.Feeds.Parsing;
using Alerts.Core.Security;
using Alerts.Core.Storage;
using Alerts.Core.Subscriptions;
using Alerts.Core.Subscriptions.Matching;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Http.Resilience;

namespace Alerts.Core;

/// <summary>The composition root of the domain: one call registers every Alerts service.</summary>
public static class AlertsCoreExtensions
{
    /// <summary>
    /// Registers options (validated at start-up), storage clients, stores, HTTP clients and the pipeline services.
    /// Storage: <c>Alerts:Storage:Tables</c> and <c>Alerts:Storage:Queues</c> (a connection string, or
    /// <c>endpoint</c>/<c>serviceUri</c> with <c>credential</c> and <c>clientId</c> for managed identity);
    /// each falls back to the <c>AzureWebJobsStorage</c> connection string.
    /// </summary>
    public static IHostApplicationBuilder AddAlertsCore(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;

        services.AddOptions<AlertsOptions>().BindConfiguration(AlertsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<FeedOptions>().BindConfiguration(FeedOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<UnsubscribeOptions>().BindConfiguration(UnsubscribeOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DealOptions>().BindConfiguration(DealOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MatchingOptions>().BindConfiguration(MatchingOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        services.AddAzureClients(clients =>
        {
            clients.AddTableServiceClient(StorageSection(configuration, "Tables"));
            clients.AddQueueServiceClient(StorageSection(configuration, "Queues"))
                .ConfigureOptions(o => o.MessageEncoding = QueueMessageEncoding.Base64); // what queue triggers expect
        });

        services.AddSingleton<IFeedStore, TableFeedStore>();
        services.AddSingleton<IFeedItemStore, TableFeedItemStore>();
        services.AddSingleton<IDealStore, TableDealStore>();
        services.AddSingleton<IStoryKeyStore, TableStoryKeyStore>();
        services.AddSingleton<ISubscriptionStore, TableSubscriptionStore>();
        services.AddSingleton<IDeliveryStore, TableDeliveryStore>();
        services.AddSingleton<IWatchlistStore, TableWatchlistStore>();
        services.AddSingleton<IMessageQueue, StorageQueue>();
        services.AddSingleton<StorageInitializer>();
        services.AddHostedService<StorageInitializerService>();

        services.AddSingleton<OutboundRequestGuard>();
        services.AddSingleton<AdminKeyAuthorizer>();
        services.AddHttpClient(FeedFetcher.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => GuardedHandler(sp, followRedirects: true))
            .AddStandardResilienceHandler(o =>
            {
                o.Retry.MaxRetryAttempts = 2;

                // A server that says when to come back (Retry-After) is not retried now: FeedFetcher schedules the
                // next poll after that time instead of holding the queue message for it.
                o.Retry.ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Result?.Headers.RetryAfter is null && HttpClientResiliencePredicates.IsTransient(args.Outcome));
                o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
                o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(30);
            })
            .SelectPipelineByAuthority(); // one circuit breaker per publisher: a failing host does not trip the others
        // No resilience handler: retries of webhooks are queue messages (AlertDeliverer), and WebhookChannel bounds each attempt.
        services.AddHttpClient(WebhookChannel.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => GuardedHandler(sp, followRedirects: false));

        services.AddSingleton<IFeedParser, FeedParser>();
        services.AddSingleton<IDealExtractor, DealExtractor>();
        services.AddOptions<FxRateOptions>().BindConfiguration(FxRateOptions.SectionName)
            .Validate(o => o.UsdPerUnit.Values.All(rate => rate > 0), "Alerts:FxRates:UsdPerUnit rates must be positive.").ValidateOnStart();
        services.AddSingleton<UsdConverter>();
        services.AddSingleton<FeedRegistry>();
        services.AddSingleton<FeedPoller>();
        services.AddSingleton<HostThrottle>();
        services.AddSingleton<FeedFetcher>();
        services.AddSingleton<AlertDispatcher>();
        services.AddSingleton<DealProcessor>();
        services.AddSingleton<DealQueries>();
        services.AddSingleton<SubscriptionService>();
        services.AddSingleton<WatchlistService>();
        services.AddSingleton<SubscriptionIndexProvider>();
        services.TryAddSingleton<IUsdValuer>(sp => sp.GetRequiredService<UsdConverter>()); // one FX table: Alerts:FxRates
        services.AddSingleton<IAlertChannel, WebhookChannel>();
        services.AddSingleton<IAlertChannel, EmailChannel>();
        services.AddSingleton<SmtpMailer>();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<UnsubscribeService>();
        services.AddSingleton<DeliveryQueries>();
        services.AddSingleton<DigestSender>();
        services.AddSingleton<AlertDeliverer>();
        return builder;
    }

    private static IConfiguration StorageSection(IConfiguration configuration, string service)
    {
        var own = configuration.GetSection($"Alerts:Storage:{service}");
        return own.Exists() ? own : configuration.GetSection("AzureWebJobsStorage");
    }

    // The guard resolves and checks every connection itself; a proxy would hide the real target, so none is used.
    private static SocketsHttpHandler GuardedHandler(IServiceProvider services, bool followRedirects) => new()
    {
        ConnectCallback = services.GetRequiredService<OutboundRequestGuard>().ConnectAsync,
        UseProxy = false,
        AllowAutoRedirect = followRedirects,
        MaxAutomaticRedirections = 5,
        AutomaticDecompression = System.Net.DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };
}
