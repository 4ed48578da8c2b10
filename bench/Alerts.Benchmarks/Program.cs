using System.Diagnostics;
using Alerts.Benchmarks;
using Alerts.Core.Subscriptions.Matching;
using BenchmarkDotNet.Running;

// "--quick": one Stopwatch pass that prints the figures in seconds (no BenchmarkDotNet statistics);
// otherwise the BenchmarkDotNet switcher (e.g. --filter *Matching*).
if (args.Contains("--quick"))
{
    var (subscriptions, context, deals) = MatchingWorkload.Create(100_000, keywords: 1_000, seed: 42);
    var builds = new List<double>();
    SubscriptionIndex index = null!;
    for (var i = 0; i < 4; i++)
    {
        var started = Stopwatch.GetTimestamp();
        index = new SubscriptionIndex(subscriptions, context);
        builds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    var matched = 0L;
    foreach (var deal in deals)
    {
        matched += index.Match(deal).Count; // warm-up
    }

    const int Rounds = 20;
    var clock = Stopwatch.StartNew();
    for (var r = 0; r < Rounds; r++)
    {
        foreach (var deal in deals)
        {
            matched += index.Match(deal).Count;
        }
    }

    var perDeal = clock.Elapsed.TotalMicroseconds / (Rounds * deals.Length);
    Console.WriteLine($"subscriptions: {index.Count:N0} enabled of {subscriptions.Count:N0}, keywords: 1,000, deals: {deals.Length:N0} x {Rounds}");
    Console.WriteLine($"index build: {string.Join(" / ", builds.Select(b => $"{b:F0} ms"))} (first includes JIT)");
    Console.WriteLine($"match: {perDeal:F2} us per deal, {matched / (double)((Rounds + 1) * deals.Length):F1} subscriptions matched per deal on average");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(MatchingBenchmarks).Assembly).Run(args);

/// <summary>Entry point: BenchmarkDotNet's switcher picks benchmarks from the command line (<c>--filter '*'</c>).</summary>
public partial class Program;
