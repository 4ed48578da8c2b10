using Alerts.Core.Deals;
using Alerts.Core.Extraction;

namespace Alerts.Core.Subscriptions.Matching;

/// <summary>
/// An immutable in-memory index of all enabled subscriptions that finds those a deal matches without looking at
/// the others: ticker code -> subscriptions, keywords through one Aho-Corasick automaton, firehoses in a list; the
/// filters (language, USD minimum) are then checked on the candidates only. Same answers as
/// <see cref="SubscriptionMatcher"/> (the reference), in a fraction of the time.
/// </summary>
public sealed class SubscriptionIndex
{
    private readonly Entry[] entries;
    private readonly Dictionary<string, List<(int Entry, string? Exchange)>> tickers = new(StringComparer.OrdinalIgnoreCase);
    private readonly int[][] keywordEntries;
    private readonly AhoCorasick keywords;
    private readonly int[] firehoses;

    public SubscriptionIndex(IEnumerable<Subscription> subscriptions, MatchContext context)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        ArgumentNullException.ThrowIfNull(context);
        var list = new List<Entry>();
        var keywordIds = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var byKeyword = new List<List<int>>();
        var firehoseList = new List<int>();
        foreach (var subscription in subscriptions)
        {
            if (!subscription.Enabled)
            {
                continue;
            }

            var index = list.Count;
            list.Add(new Entry(subscription, MinUsdOf(subscription, context.Valuer), subscription.Languages.Count == 0 ? null : [.. subscription.Languages.Select(l => l.ToLowerInvariant())]));
            if (subscription.Tickers.Count == 0 && subscription.Keywords.Count == 0 && subscription.Watchlists.Count == 0)
            {
                firehoseList.Add(index);
                continue;
            }

            var (wantedTickers, wantedKeywords) = SubscriptionMatcher.Criteria(subscription, context.Watchlists);
            foreach (var ticker in wantedTickers)
            {
                if (TickerNormalizer.TryNormalize(ticker) is { } key)
                {
                    if (!tickers.TryGetValue(key.Code, out var holders))
                    {
                        tickers[key.Code] = holders = [];
                    }

                    holders.Add((index, key.Exchange));
                }
            }

            foreach (var keyword in wantedKeywords)
            {
                if (!keywordIds.TryGetValue(keyword, out var id))
                {
                    keywordIds[keyword] = id = byKeyword.Count;
                    byKeyword.Add([]);
                }

                byKeyword[id].Add(index);
            }
        }

        entries = [.. list];
        firehoses = [.. firehoseList];
        keywordEntries = [.. byKeyword.Select(b => b.Distinct().ToArray())];
        var patterns = new string[keywordIds.Count];
        foreach (var (keyword, id) in keywordIds)
        {
            patterns[id] = keyword;
        }

        keywords = new AhoCorasick(patterns);
    }

    /// <summary>Number of enabled subscriptions indexed.</summary>
    public int Count => entries.Length;

    /// <summary>The subscriptions the deal matches, each once, in the order they were indexed.</summary>
    public IReadOnlyList<Subscription> Match(Deal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var scratch = Scratch.For(this);
        foreach (var entry in firehoses)
        {
            scratch.Add(entry);
        }

        foreach (var mention in deal.Tickers)
        {
            if (tickers.TryGetValue(mention.Code, out var holders))
            {
                foreach (var (entry, exchange) in holders)
                {
                    if (exchange is null || mention.Exchange is null || string.Equals(exchange, mention.Exchange, StringComparison.OrdinalIgnoreCase))
                    {
                        scratch.Add(entry);
                    }
                }
            }
        }

        keywords.Search(SubscriptionMatcher.TextOf(deal), scratch.AddKeyword);
        if (scratch.Candidates.Count == 0)
        {
            return [];
        }

        var language = SubscriptionMatcher.LanguageOf(deal);
        var matched = new List<int>(scratch.Candidates.Count);
        foreach (var candidate in scratch.Candidates)
        {
            if (entries[candidate].Passes(language, deal.LargestUsd))
            {
                matched.Add(candidate);
            }
        }

        matched.Sort();
        return matched.ConvertAll(i => entries[i].Subscription);
    }

    // A minimum in an unknown currency can never be met (the reference says the same); decimal.MaxValue encodes that.
    private static decimal? MinUsdOf(Subscription subscription, IUsdValuer valuer) =>
        subscription.MinAmount is not { } min ? null : valuer.ToUsd(min.Value, min.Currency) ?? decimal.MaxValue;

    /// <summary>
    /// Per-thread candidate set: a stamp per subscription instead of a HashSet, so adding a candidate is an array
    /// write and nothing is hashed or allocated per deal (the index is shared by concurrent ExtractDeals calls).
    /// </summary>
    private sealed class Scratch
    {
        [ThreadStatic]
        private static Scratch? current;

        private readonly SubscriptionIndex index;
        private readonly int[] stamps;
        private int generation;

        private Scratch(SubscriptionIndex index)
        {
            this.index = index;
            stamps = new int[index.entries.Length];
            AddKeyword = pattern =>
            {
                foreach (var entry in this.index.keywordEntries[pattern])
                {
                    Add(entry);
                }
            };
        }

        public List<int> Candidates { get; } = [];

        public Action<int> AddKeyword { get; }

        public static Scratch For(SubscriptionIndex index)
        {
            var scratch = current is { } known && ReferenceEquals(known.index, index) ? known : current = new Scratch(index);
            scratch.Candidates.Clear();
            if (++scratch.generation == int.MaxValue)
            {
                Array.Clear(scratch.stamps);
                scratch.generation = 1;
            }

            return scratch;
        }

        public void Add(int entry)
        {
            if (stamps[entry] != generation)
            {
                stamps[entry] = generation;
                Candidates.Add(entry);
            }
        }
    }

    private sealed record Entry(Subscription Subscription, decimal? MinUsd, string[]? Languages)
    {
        public bool Passes(string? language, decimal? largestUsd) =>
            (Languages is null || (language is not null && Array.IndexOf(Languages, language) >= 0))
            && (MinUsd is not { } min || (largestUsd is { } usd && usd >= min && min != decimal.MaxValue));
    }
}
