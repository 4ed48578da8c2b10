using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Alerts.Cli.Bench;
using Alerts.Core;
using Alerts.Core.Feeds;
using Alerts.Core.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alerts.Cli.Commands;

/// <summary>
/// <c>alerts bench feeds</c>: one poll cycle over N loopback feeds (half answering 304) through the real
/// FeedPoller, FeedFetcher, HTTP client (SSRF guard, resilience, per-host cap) and parser; storage and queues are
/// in-memory doubles, so the figures are those of fetching and processing, not of a storage emulator.
/// </summary>
internal static class BenchFeedsCommand
{
    private const double BudgetSeconds = 30;
    private const long BudgetBytes = 300L * 1024 * 1024;

    public static Command Create()
    {
        var feeds = new Option<int>("--feeds") { Description = "Number of feeds served.", DefaultValueFactory = _ => 1000 };
        var items = new Option<int>("--items") { Description = "Items per feed document.", DefaultValueFactory = _ => 20 };
        var workers = new Option<int>("--workers")
        {
            Description = "Concurrent FetchFeed invocations (host.json batchSize 16 + newBatchThreshold 8 = 24 per instance).",
            DefaultValueFactory = _ => 24,
        };
        var command = new Command("feeds", "One poll cycle over loopback feeds (half answering 304): time and memory against the 30 s / 300 MB budget.")
        {
            feeds, items, workers,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(feeds), parse.GetValue(items), parse.GetValue(workers), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int feedCount, int itemCount, int workerCount, CancellationToken cancellationToken)
    {
        await using var server = await FeedServer.StartAsync(itemCount, cancellationToken);
        var clock = new AdjustableClock();
        using var services = BuildServices(clock);
        var store = services.GetRequiredService<IFeedStore>();
        var queue = (InMemoryMessageQueue)services.GetRequiredService<IMessageQueue>();
        for (var n = 0; n < feedCount; n++)
        {
            var url = new Uri(server.BaseAddress, $"/feeds/{n}.xml");
            await store.AddIfAbsentAsync(new FeedRegistration { Id = StableId.From(url.AbsoluteUri), Url = url, Created = clock.GetUtcNow() }, cancellationToken);
        }

        Console.WriteLine($"alerts bench feeds: {feedCount} feeds x {itemCount} items on {server.BaseAddress}, {workerCount} concurrent fetches, " +
                          $"per-host cap {services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Core.Configuration.FeedOptions>>().Value.MaxConcurrentRequestsPerHost}, in-memory storage doubles");

        // Cycle 1 fills the validators and the seen items; it is timed too, but the budget applies to cycle 2,
        // the steady state in which half the feeds are unchanged (304) and half have two new items.
        var first = await CycleAsync(services, server, queue, clock, 1, workerCount, cancellationToken);
        Report("cycle 1 (all 200, every item new)", first, feedCount);
        clock.Advance(TimeSpan.FromDays(1)); // the longest interval: every feed is due again
        var second = await CycleAsync(services, server, queue, clock, 2, workerCount, cancellationToken);
        Report("cycle 2 (half 304, half 200)", second, feedCount);

        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine($"peak working set: {peak / (1024.0 * 1024):F0} MB (budget {BudgetBytes / (1024 * 1024)} MB)");
        var ok = second.Elapsed.TotalSeconds <= BudgetSeconds && peak <= BudgetBytes && second.Fetched == feedCount;
        Console.WriteLine(ok ? "PASS: within budget" : "FAIL: over budget or feeds missed");
        return ok ? 0 : 1;
    }

    private static async Task<CycleResult> CycleAsync(
        ServiceProvider services, FeedServer server, InMemoryMessageQueue queue, AdjustableClock clock, int cycle, int workerCount, CancellationToken cancellationToken)
    {
        server.Cycle = cycle;
        server.ResetCounts();
        var articlesBefore = queue.Others;
        var poller = services.GetRequiredService<FeedPoller>();
        var fetcher = services.GetRequiredService<FeedFetcher>();
        var fetched = 0;
        var watch = Stopwatch.StartNew();
        var due = await poller.QueueDueFeedsAsync(cancellationToken);
        var workers = Enumerable.Range(0, workerCount).Select(_ => Task.Run(
            async () =>
            {
                while (queue.Feeds.Reader.TryRead(out var body))
                {
                    var message = JsonSerializer.Deserialize<FeedFetchMessage>(body, AlertsJson.Options)!;
                    await fetcher.FetchAsync(message.FeedId, cancellationToken);
                    Interlocked.Increment(ref fetched);
                }
            },
            cancellationToken));
        await Task.WhenAll(workers);
        watch.Stop();
        var failed = 0;
        await foreach (var feed in services.GetRequiredService<IFeedStore>().ListAsync(cancellationToken))
        {
            failed += feed.LastPolled == clock.GetUtcNow() && feed.ConsecutiveFailures > 0 ? 1 : 0;
        }

        return new CycleResult(due, fetched, server.Ok, server.NotModified, failed, queue.Others - articlesBefore, watch.Elapsed);
    }

    private static void Report(string name, CycleResult result, int feedCount) =>
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name}: {result.Due} due, {result.Fetched}/{feedCount} fetched and processed in {result.Elapsed.TotalSeconds:F2} s " +
            $"({result.Fetched / Math.Max(result.Elapsed.TotalSeconds, 0.001):F0} feeds/s); responses {result.Ok} x 200, {result.NotModified} x 304; " +
            $"{result.Failed} failed; {result.Articles} articles queued"));

    private static ServiceProvider BuildServices(AdjustableClock clock)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", // registered, never reached: the stores below replace it
            ["Alerts:AllowLoopback"] = "true",
        });
        builder.Logging.ClearProviders();
        builder.AddAlertsCore();
        builder.Services.Replace(ServiceDescriptor.Singleton<IFeedStore, InMemoryFeedStore>());
        builder.Services.Replace(ServiceDescriptor.Singleton<IFeedItemStore, InMemoryFeedItemStore>());
        builder.Services.Replace(ServiceDescriptor.Singleton<IMessageQueue, InMemoryMessageQueue>());
        builder.Services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
        return builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    private sealed record CycleResult(int Due, int Fetched, int Ok, int NotModified, int Failed, long Articles, TimeSpan Elapsed);

    /// <summary>The system clock moved forward on demand, so the second cycle finds every feed due.</summary>
    private sealed class AdjustableClock : TimeProvider
    {
        private TimeSpan offset;

        public void Advance(TimeSpan by) => offset += by;

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
    }

    /// <summary>
    /// Serves /feeds/{n}.xml on loopback. Odd feeds change every cycle (a new ETag and two new items); even feeds
    /// never change, so they answer 304 once the fetcher knows their ETag.
    /// </summary>
    private sealed class FeedServer(WebApplication app, int itemCount) : IAsyncDisposable
    {
        private int ok;
        private int notModified;

        public Uri BaseAddress { get; private set; } = null!;

        public int Cycle { get; set; }

        public int Ok => ok;

        public int NotModified => notModified;

        public static async Task<FeedServer> StartAsync(int itemCount, CancellationToken cancellationToken)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var server = new FeedServer(app, itemCount);
            app.MapGet("/feeds/{n:int}.xml", (HttpContext context, int n) => server.ServeAsync(context, n));
            await app.StartAsync(cancellationToken);
            server.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            return server;
        }

        public void ResetCounts()
        {
            ok = 0;
            notModified = 0;
        }

        private async Task ServeAsync(HttpContext context, int n)
        {
            var generation = n % 2 == 1 ? Cycle : 0;
            var etag = $"\"{n}-{generation}\"";
            context.Response.Headers.ETag = etag;
            if (context.Request.Headers.IfNoneMatch == etag)
            {
                Interlocked.Increment(ref notModified);
                context.Response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }

            Interlocked.Increment(ref ok);
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            await context.Response.WriteAsync(Document(n, generation), context.RequestAborted);
        }

        private string Document(int n, int generation)
        {
            var rss = new StringBuilder(512 + (itemCount * 400));
            rss.Append(CultureInfo.InvariantCulture, $"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>Bench wire {n}</title><link>http://bench.test/{n}</link><language>en</language>");
            for (var k = generation * 2; k < (generation * 2) + itemCount; k++)
            {
                rss.Append(CultureInfo.InvariantCulture, $"<item><title>Company {n} agrees ${k + 1}.5 billion deal for unit {k}</title><link>http://bench.test/{n}/story/{k}</link>");
                rss.Append(CultureInfo.InvariantCulture, $"<guid isPermaLink=\"false\">bench-{n}-{k}</guid><pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate>");
                rss.Append(CultureInfo.InvariantCulture, $"<description>Company {n} said on Tuesday it agreed to sell unit {k} for ${k + 1}.5 billion in cash, subject to approval.</description></item>");
            }

            return rss.Append("</channel></rss>").ToString();
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
