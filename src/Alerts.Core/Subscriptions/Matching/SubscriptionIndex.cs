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
    // Per-subscription data as parallel arrays rather than one object per subscription: a deal touches a few
    // hundred candidates scattered over 100,000 entries, and with arrays each check reads contiguous memory instead
    // of chasing an object (and its lists) per candidate; cache misses were most of the cost.
    private readonly Subscription[] subscriptions;
    private readonly decimal[] minUsd;
    private readonly Filter[] filters;
    private readonly ulong[] languageMasks;
    private readonly Dictionary<string, int> languageBits = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<int, string[]> rareLanguages = [];

    private readonly Dictionary<string, TickerHolders> tickers = new(StringComparer.OrdinalIgnoreCase);
    private readonly int[][] keywordEntries;
    private readonly KeywordPattern[] keywordPatterns;
    private readonly AhoCorasick keywords;
    private readonly int[] firehoses;

    public SubscriptionIndex(IEnumerable<Subscription> subscriptions, MatchContext context)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        ArgumentNullException.ThrowIfNull(context);
        var list = new List<Subscription>();
        var minimums = new List<decimal>();
        var filterList = new List<Filter>();
        var masks = new List<ulong>();
        var holders = new Dictionary<string, (List<int> Any, Dictionary<string, List<int>> ByExchange)>(StringComparer.OrdinalIgnoreCase);
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
            list.Add(subscription);
            var filter = Filter.None;
            var min = 0m;
            if (subscription.MinAmount is { } amount)
            {
                // A minimum in an unknown currency can never be met (the reference says the same).
                var usd = context.Valuer.ToUsd(amount.Value, amount.Currency);
                filter |= usd is null ? Filter.Never : Filter.MinUsd;
                min = usd ?? 0m;
            }

            var mask = 0UL;
            if (subscription.Languages.Count > 0)
            {
                filter |= Filter.Languages;
                mask = LanguageMask(subscription.Languages, index);
            }

            minimums.Add(min);
            filterList.Add(filter);
            masks.Add(mask);
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
                    if (!holders.TryGetValue(key.Code, out var holder))
                    {
                        holders[key.Code] = holder = ([], new(StringComparer.OrdinalIgnoreCase));
                    }

                    if (key.Exchange is null)
                    {
                        holder.Any.Add(index);
                    }
                    else
                    {
                        if (!holder.ByExchange.TryGetValue(key.Exchange, out var onExchange))
                        {
                            holder.ByExchange[key.Exchange] = onExchange = [];
                        }

                        onExchange.Add(index);
                    }
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

        this.subscriptions = [.. list];
        minUsd = [.. minimums];
        filters = [.. filterList];
        languageMasks = [.. masks];
        firehoses = [.. firehoseList];
        foreach (var (code, (any, byExchange)) in holders)
        {
            tickers[code] = new TickerHolders(
                [.. any],
                byExchange.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.OrdinalIgnoreCase),
                [.. any.Concat(byExchange.Values.SelectMany(v => v))]);
        }

        keywordEntries = [.. byKeyword.Select(b => b.Distinct().ToArray())];
        keywordPatterns = new KeywordPattern[keywordIds.Count];
        foreach (var (keyword, id) in keywordIds)
        {
            keywordPatterns[id] = KeywordPattern.Parse(keyword);
        }

        keywords = new AhoCorasick([.. keywordPatterns.Select(p => p.Text)]);
    }

    [Flags]
    private enum Filter : byte
    {
        None = 0,
        MinUsd = 1,
        Never = 2,
        Languages = 4,
    }

    /// <summary>Number of enabled subscriptions indexed.</summary>
    public int Count => subscriptions.Length;

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
                if (mention.Exchange is null)
                {
                    scratch.AddAll(holders.All);
                    continue;
                }

                scratch.AddAll(holders.AnyExchange);
                if (holders.ByExchange.TryGetValue(mention.Exchange, out var onExchange))
                {
                    scratch.AddAll(onExchange);
                }
            }
        }

        // Title and summary are searched apart (no keyword holds the control character that joins them in
        // SubscriptionMatcher.TextOf), which spares a string per deal.
        scratch.Search(deal.Title);
        scratch.Search(deal.Summary);
        var candidates = scratch.Candidates;
        if (candidates.Count == 0)
        {
            return [];
        }

        candidates.Sort();
        var language = SubscriptionMatcher.LanguageOf(deal);
        var languageBit = language is not null && languageBits.TryGetValue(language, out var bit) ? 1UL << bit : 0UL;
        var largestUsd = deal.LargestUsd;
        var matched = new List<Subscription>(candidates.Count);
        foreach (var candidate in candidates)
        {
            var filter = filters[candidate];
            if (filter != Filter.None && !Passes(candidate, filter, language, languageBit, largestUsd))
            {
                continue;
            }

            matched.Add(subscriptions[candidate]);
        }

        return matched;
    }

    private bool Passes(int entry, Filter filter, string? language, ulong languageBit, decimal? largestUsd)
    {
        if ((filter & Filter.Never) != 0)
        {
            return false;
        }

        if ((filter & Filter.MinUsd) != 0 && !(largestUsd is { } usd && usd >= minUsd[entry]))
        {
            return false;
        }

        if ((filter & Filter.Languages) == 0)
        {
            return true;
        }

        return (languageMasks[entry] & languageBit) != 0
            || (language is not null && rareLanguages.TryGetValue(entry, out var rare) && Array.IndexOf(rare, language) >= 0);
    }

    // The first 64 languages seen get a bit each; any others (there are ~180 ISO 639-1 codes) fall back to a list.
    private ulong LanguageMask(IReadOnlyList<string> languages, int entry)
    {
        var mask = 0UL;
        List<string>? rare = null;
        foreach (var language in languages)
        {
            var code = language.ToLowerInvariant();
            if (!languageBits.TryGetValue(code, out var bit) && languageBits.Count < 64)
            {
                languageBits[code] = bit = languageBits.Count;
            }

            if (languageBits.ContainsKey(code))
            {
                mask |= 1UL << bit;
            }
            else
            {
                (rare ??= []).Add(code);
            }
        }

        if (rare is not null)
        {
            rareLanguages[entry] = [.. rare];
        }

        return mask;
    }

    /// <summary>Who named a ticker code: without an exchange (any), per exchange, and all of them together.</summary>
    private sealed record TickerHolders(int[] AnyExchange, Dictionary<string, int[]> ByExchange, int[] All);

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
        private readonly Action<int, int> addKeyword;
        private int generation;
        private string text = string.Empty; // what Search is reading, for the word-boundary check

        private Scratch(SubscriptionIndex index)
        {
            this.index = index;
            stamps = new int[index.subscriptions.Length];
            addKeyword = (pattern, end) =>
            {
                // The automaton finds substrings; a keyword counts only where it stands as a word.
                var keyword = this.index.keywordPatterns[pattern];
                if (keyword.IsWordAt(text, end - keyword.Text.Length, end))
                {
                    AddAll(this.index.keywordEntries[pattern]);
                }
            };
        }

        public List<int> Candidates { get; } = [];

        /// <summary>Adds the subscriptions of every keyword standing as a word in <paramref name="searched"/>.</summary>
        public void Search(string? searched)
        {
            text = searched ?? string.Empty;
            index.keywords.Search(text, addKeyword);
        }

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

        public void AddAll(int[] entries)
        {
            foreach (var entry in entries)
            {
                Add(entry);
            }
        }
    }
}
