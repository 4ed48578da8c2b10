using Alerts.Core.Deals;
using Alerts.Core.Extraction;
using Alerts.Core.Subscriptions;
using Alerts.Core.Subscriptions.Matching;
using BenchmarkDotNet.Attributes;

namespace Alerts.Benchmarks;

/// <summary>
/// Matching at scale (issue 5 targets): 100,000 subscriptions over 1,000 keywords and 5,000 tickers;
/// at most 50 microseconds per deal and at most 2 seconds to build the index.
/// </summary>
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private List<Subscription> subscriptions = null!;
    private MatchContext context = null!;
    private SubscriptionIndex index = null!;
    private Deal[] deals = null!;
    private int next;

    [Params(100_000)]
    public int Subscriptions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (subscriptions, context, deals) = MatchingWorkload.Create(Subscriptions, keywords: 1_000, seed: 42);
        index = new SubscriptionIndex(subscriptions, context);
    }

    /// <summary>One deal (title and summary of ~300 characters, two tickers) against the index.</summary>
    [Benchmark]
    public int MatchOneDeal() => index.Match(deals[next++ % deals.Length]).Count;

    /// <summary>The whole index from the subscriptions already in memory (storage reads are not included).</summary>
    [Benchmark]
    public int BuildIndex() => new SubscriptionIndex(subscriptions, context).Count;
}

/// <summary>A synthetic but realistic workload, the same for the benchmark and the quick run.</summary>
public static class MatchingWorkload
{
    private static readonly string[] Filler = ["the", "group", "said", "on", "monday", "shares", "rose", "after", "report", "of", "a", "plan", "to", "investors", "market"];

    public static (List<Subscription> Subscriptions, MatchContext Context, Deal[] Deals) Create(int count, int keywords, int seed)
    {
        var random = new Random(seed);
        var words = Enumerable.Range(0, keywords).Select(i => $"{Syllables(random)} {Syllables(random)}").Distinct().ToArray();
        var codes = Enumerable.Range(0, 5_000).Select(i => $"C{i:D4}").ToArray();
        var suffixes = new[] { ".O", ".N", ".L", ".T", ".DE", "" };
        var watchlists = Enumerable.Range(0, 50).Select(i => new Watchlist
        {
            Name = "list" + i,
            Tickers = [.. Enumerable.Range(0, 20).Select(_ => codes[random.Next(codes.Length)])],
            Keywords = [.. Enumerable.Range(0, 5).Select(_ => words[random.Next(words.Length)])],
            Updated = DateTimeOffset.UnixEpoch,
        }).ToDictionary(w => w.Name);
        var subscriptions = new List<Subscription>(count);
        for (var i = 0; i < count; i++)
        {
            subscriptions.Add(new Subscription
            {
                Id = i.ToString("x8", System.Globalization.CultureInfo.InvariantCulture),
                Channel = SubscriptionChannel.Webhook,
                Target = "https://example.com/hook",
                // Every subscription names something (a firehose per 100,000 would dominate the figures).
                Tickers = [.. Enumerable.Range(0, random.Next(1, 4)).Select(_ => codes[random.Next(codes.Length)] + suffixes[random.Next(suffixes.Length)])],
                Keywords = [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => words[random.Next(words.Length)])],
                Watchlists = random.Next(10) == 0 ? ["list" + random.Next(50)] : [],
                MinAmount = random.Next(5) == 0 ? new Money(random.Next(1, 500) * 1_000_000m, "EUR") : null,
                Languages = random.Next(5) == 0 ? ["en"] : [],
                Created = DateTimeOffset.UnixEpoch,
            });
        }

        var deals = Enumerable.Range(0, 1_000).Select(i =>
        {
            var text = string.Join(' ', Enumerable.Range(0, 40).Select(_ => random.Next(20) == 0 ? words[random.Next(words.Length)] : Filler[random.Next(Filler.Length)]));
            var tickers = Enumerable.Range(0, 2).Select(_ => TickerNormalizer.TryNormalize(codes[random.Next(codes.Length)] + ".O")!.Value)
                .Select(k => new TickerMention(k.ToString(), k.Code, k.Exchange, new TextEvidence(0, 1, "x"))).ToList();
            return new Deal
            {
                Id = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                FeedId = "feed",
                ItemId = "item" + i,
                Title = text[..Math.Min(80, text.Length)],
                Summary = text,
                Language = "en",
                Amounts = [new MoneyAmount(random.Next(1, 1000) * 1_000_000m, "USD", AmountQualifier.Exact, new TextEvidence(0, 1, "$"))],
                Tickers = tickers,
                Created = DateTimeOffset.UnixEpoch,
                LargestUsd = random.Next(1, 1000) * 1_000_000m,
            };
        }).ToArray();
        return (subscriptions, new MatchContext(watchlists, new ApproximateUsdValuer()), deals);
    }

    private static string Syllables(Random random) =>
        string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => "ba ko ri tem sun vel dra pin lu mor".Split(' ')[random.Next(10)]));
}
