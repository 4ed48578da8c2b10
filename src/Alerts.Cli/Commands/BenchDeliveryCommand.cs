using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Alerts.Cli.LocalHost;
using Alerts.Core.Deals;
using Alerts.Core.Extraction;
using Alerts.Core.Storage;
using Alerts.Core.Subscriptions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alerts.Cli.Commands;

/// <summary>
/// <c>alerts bench delivery</c>: queues N webhook alerts and lets the local host's DeliverAlerts function deliver them
/// (signed, through the SSRF-guarded client) to a receiver on loopback, on a private in-memory Azurite.
/// Reports deliveries per second and the latency from queueing to receipt (p50, p95, max).
/// </summary>
internal static class BenchDeliveryCommand
{
    public static Command Create()
    {
        var count = new Option<int>("--count") { Description = "Number of webhook alerts.", DefaultValueFactory = _ => 10_000 };
        var command = new Command("delivery", "Deliver N webhook alerts to a loopback receiver; report deliveries/s and p95 latency.") { count };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(count), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int count, CancellationToken cancellationToken)
    {
        if (count < 1)
        {
            await Console.Error.WriteLineAsync("error: --count must be at least 1.");
            return 2;
        }

        Console.WriteLine($"Starting a private Azurite and a loopback receiver; {count:N0} alerts...");
        await using var azurite = await AzuriteLauncher.StartAsync(new AzuriteLaunchOptions(Ephemeral: true), _ => { }, cancellationToken);
        var received = new ConcurrentDictionary<string, long>();
        var duplicates = 0;
        await using var receiver = await StartReceiverAsync(context =>
        {
            var id = context.Request.Headers["webhook-id"].ToString();
            if (!received.TryAdd(id, Stopwatch.GetTimestamp()))
            {
                Interlocked.Increment(ref duplicates);
            }

            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        });

        await using var host = LocalFunctionHost.Build(new LocalHostOptions
        {
            Url = "http://127.0.0.1:0",
            StorageConnectionString = azurite.ConnectionString,
            Sample = false,
            ConsoleLogging = false,
        });
        await host.StartAsync(cancellationToken);
        var services = host.Services;
        await services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(cancellationToken);
        var subscription = new Subscription
        {
            Id = StableId.NewId(),
            Channel = SubscriptionChannel.Webhook,
            Target = new Uri(ReceiverAddress(receiver), "/bench").AbsoluteUri,
            Created = DateTimeOffset.UtcNow,
            Secret = Core.Delivery.WebhookSignature.NewSecret(),
        };
        await services.GetRequiredService<ISubscriptionStore>().AddAsync(subscription, cancellationToken);
        var dealStore = services.GetRequiredService<IDealStore>();
        var dispatcher = services.GetRequiredService<AlertDispatcher>();
        var queued = new ConcurrentDictionary<string, long>();
        var queuedCount = 0;

        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var deal = BenchDeal(i);
            await dealStore.AddIfAbsentAsync(deal, ct);
            queued[StableId.From(deal.Id, subscription.Id)] = Stopwatch.GetTimestamp();
            await dispatcher.QueueAsync(deal, subscription, ct);
            if (Interlocked.Increment(ref queuedCount) % 1000 == 0)
            {
                Console.WriteLine($"  queued {queuedCount:N0}, delivered {received.Count:N0} ({clock.Elapsed.TotalSeconds:0} s)");
            }
        });
        var queuedIn = clock.Elapsed;
        Console.WriteLine($"Queued {count:N0} alerts in {queuedIn.TotalSeconds:0.0} s; delivering...");

        var deadline = DateTime.UtcNow.AddMinutes(30);
        var lastReport = received.Count;
        while (received.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200, cancellationToken);
            if (received.Count - lastReport >= 1000)
            {
                lastReport = received.Count;
                Console.WriteLine($"  delivered {lastReport:N0} ({clock.Elapsed.TotalSeconds:0} s)");
            }
        }

        var elapsed = clock.Elapsed;
        var latencies = received
            .Where(r => queued.ContainsKey(r.Key))
            .Select(r => Stopwatch.GetElapsedTime(queued[r.Key], r.Value).TotalMilliseconds)
            .Order()
            .ToList();
        await host.StopAsync(CancellationToken.None);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            Delivered:   {received.Count:N0} of {count:N0} (duplicates: {duplicates})
            Wall time:   {elapsed.TotalSeconds:0.0} s (queueing {queuedIn.TotalSeconds:0.0} s included)
            Throughput:  {received.Count / elapsed.TotalSeconds:0} deliveries/s
            Latency:     p50 {Percentile(latencies, 0.50):0} ms, p95 {Percentile(latencies, 0.95):0} ms, max {latencies.LastOrDefault():0} ms (queued -> received)
            Machine:     {Environment.ProcessorCount} logical CPUs, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}
            """));
        return received.Count == count && duplicates == 0 ? 0 : 1;
    }

    private static Deal BenchDeal(int i) => new()
    {
        Id = StableId.From("bench", i.ToString(CultureInfo.InvariantCulture), Guid.NewGuid().ToString("N")),
        FeedId = "bench",
        ItemId = i.ToString(CultureInfo.InvariantCulture),
        Title = $"Bench deal {i}: Acme weighs $2.4 billion stake",
        Link = $"https://news.example.com/bench/{i}",
        Amounts = [new MoneyAmount(2_400_000_000m, "USD", AmountQualifier.Exact, new TextEvidence(0, 12, "$2.4 billion"))],
        Tickers = [],
        Created = DateTimeOffset.UtcNow,
    };

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static async Task<WebApplication> StartReceiverAsync(RequestDelegate handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        return app;
    }

    private static Uri ReceiverAddress(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
