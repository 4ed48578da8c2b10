using System.Globalization;
using Alerts.Core.Configuration;
using Alerts.Core.Extraction;
using Alerts.Core.Feeds;
using Alerts.Core.Storage;
using Alerts.Core.Subscriptions.Matching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Deals;

/// <summary>
/// The ExtractDeals stage: extracts amounts and tickers from an article, stores the deal once per story (several
/// feeds become several sources of one deal, an edit becomes a revision), and queues one alert per matching
/// subscription. Every step is idempotent, so replays are harmless.
/// A story is recognised by its canonical URL and, within <see cref="DealOptions.StoryWindow"/>, by a fingerprint of
/// its text (<see cref="IStoryKeyStore"/>): the same wire story under two sites' URLs is one deal.
/// </summary>
public sealed partial class DealProcessor(
    IDealExtractor extractor,
    IDealStore deals,
    IStoryKeyStore storyKeys,
    IOptionsMonitor<DealOptions> options,
    SubscriptionIndexProvider subscriptions,
    IUsdValuer valuer,
    AlertDispatcher alerts,
    TimeProvider clock,
    ILogger<DealProcessor> logger)
{
    // Concurrent sources of one story race on one row; each loser re-reads and merges again.
    private const int MaxMergeAttempts = 8;

    /// <summary>Processes one article; returns the deal, or null when the article names no amount.</summary>
    public async Task<Deal?> ProcessAsync(ArticleMessage article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        var text = string.Join("\n", new[] { article.Title, article.Summary, article.Content }.Where(t => !string.IsNullOrWhiteSpace(t)));
        var extraction = extractor.Extract(text, article.Language);
        if (extraction.Amounts.Count == 0)
        {
            LogNoAmount(logger, article.Title ?? article.ItemId);
            return null;
        }

        var fresh = NewDeal(article, extraction, clock.GetUtcNow()) with { LargestUsd = ApproximateUsdValuer.Largest(valuer, extraction.Amounts) };
        var storyId = await ResolveStoryAsync(fresh, article, cancellationToken).ConfigureAwait(false);
        var deal = await StoreAsync(fresh with { Id = storyId }, cancellationToken).ConfigureAwait(false);

        // The index returns each matching subscription once; the dispatcher skips pairs queued by an earlier run.
        var index = await subscriptions.GetAsync(cancellationToken).ConfigureAwait(false);
        var queued = 0;
        foreach (var subscription in index.Match(deal))
        {
            queued += await alerts.QueueAsync(deal, subscription, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        if (queued > 0)
        {
            await deals.AddAlertCountAsync(deal.Id, queued, cancellationToken).ConfigureAwait(false);
        }

        return deal;
    }

    /// <summary>The deal an article gives on its own (before merging with a stored one).</summary>
    public static Deal NewDeal(ArticleMessage article, ExtractionResult extraction, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(extraction);
        var canonical = CanonicalUrl.Normalize(article.Link);
        var fingerprint = StoryFingerprint.Of(article.Title, article.Summary);
        // Without a link the id is the feed item's: text alone identifies a story only through the text key, within
        // the story window (the same press release next quarter is a new deal).
        var id = canonical is not null ? UrlKey(canonical) : StableId.From(article.FeedId, article.ItemId);
        return new Deal
        {
            Id = id,
            FeedId = article.FeedId,
            ItemId = article.ItemId,
            Title = article.Title ?? article.Link ?? article.ItemId,
            Link = article.Link,
            Summary = article.Summary,
            Published = article.Published,
            Language = extraction.Language ?? article.Language,
            Amounts = extraction.Amounts,
            Tickers = extraction.Tickers,
            Created = now,
            CanonicalUrl = canonical,
            Fingerprint = fingerprint,
            Sources = [new DealSource(article.FeedId, article.Link) { ItemId = article.ItemId, ContentHash = ContentHash(article) }],
        };
    }

    /// <summary>
    /// Merges <paramref name="incoming"/> (one article's deal) into <paramref name="stored"/>: a new source is
    /// appended; a known source with new text is a revision; the same text again changes nothing (null).
    /// </summary>
    public static Deal? Merge(Deal stored, Deal incoming, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(incoming);
        var source = incoming.Sources[0];

        // Deals stored before sources existed name their one source in FeedId / ItemId.
        var sources = stored.Sources.Count > 0 ? stored.Sources : [new DealSource(stored.FeedId, stored.Link) { ItemId = stored.ItemId }];
        var index = sources.ToList().FindIndex(s => s.FeedId == source.FeedId && s.ItemId == source.ItemId);
        if (index < 0)
        {
            return stored with { Sources = [.. sources, source], Updated = now };
        }

        var known = sources[index];
        if (known.ContentHash is null || known.ContentHash == source.ContentHash)
        {
            return known.ContentHash is null ? stored with { Sources = Replace(sources, index, source) } : null;
        }

        var revision = stored.Revision + 1;
        return stored with
        {
            Title = incoming.Title,
            Summary = incoming.Summary,
            Published = incoming.Published ?? stored.Published,
            Language = incoming.Language ?? stored.Language,
            Amounts = incoming.Amounts,
            Tickers = incoming.Tickers,
            Fingerprint = incoming.Fingerprint,
            Sources = Replace(sources, index, source),
            Revision = revision,
            AlertRevision = SameFacts(stored, incoming) ? stored.AlertRevision : revision,
            Updated = now,
        };
    }

    /// <summary>True when both name the same amounts (value and currency) and the same tickers, wherever in the text.</summary>
    public static bool SameFacts(Deal a, Deal b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        static HashSet<string> Amounts(Deal d) => d.Amounts.Select(m => $"{m.Currency} {m.Value.ToString(CultureInfo.InvariantCulture)}").ToHashSet(StringComparer.Ordinal);
        static HashSet<string> Tickers(Deal d) => d.Tickers.Select(t => $"{t.Code}.{t.Exchange}").ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Amounts(a).SetEquals(Amounts(b)) && Tickers(a).SetEquals(Tickers(b));
    }

    /// <summary>
    /// The id of the deal this article belongs to: the owner of its URL key or, failing that, of its text key; else
    /// its own id. Unowned keys are then claimed for that deal, the text key first: when two sites' copies of a story
    /// arrive at once, both race for the one text key, and the loser joins the winner's deal.
    /// </summary>
    private async Task<string> ResolveStoryAsync(Deal fresh, ArticleMessage article, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        var now = clock.GetUtcNow();
        var keys = new List<(string Key, TimeSpan? MaxAge)>(2);
        if (fresh.CanonicalUrl is { } url)
        {
            keys.Add((UrlKey(url), null)); // the same URL is the same story, however late
        }

        if (settings.StoryWindow > TimeSpan.Zero && fresh.Fingerprint is { } fingerprint
            && StoryFingerprint.WordCount(article.Title, article.Summary) >= settings.MinStoryWords)
        {
            keys.Add((TextKey(fingerprint), settings.StoryWindow));
        }

        string? owner = null;
        var unowned = new List<(string Key, TimeSpan? MaxAge)>(keys.Count);
        foreach (var key in keys)
        {
            if (await storyKeys.FindAsync(key.Key, key.MaxAge, now, cancellationToken).ConfigureAwait(false) is { } found)
            {
                owner ??= found;
            }
            else
            {
                unowned.Add(key);
            }
        }

        var target = owner ?? fresh.Id;
        var settled = owner is not null;
        for (var i = unowned.Count - 1; i >= 0; i--)
        {
            var holder = await storyKeys.ClaimAsync(unowned[i].Key, target, unowned[i].MaxAge, now, cancellationToken).ConfigureAwait(false);
            if (!settled)
            {
                target = holder; // lost the race for the first key: join the winner's deal
                settled = true;
            }
        }

        if (target != fresh.Id)
        {
            LogSameStory(logger, fresh.Title, target);
        }

        return target;
    }

    // A deal's id is its first story key, so a URL's key row sits in the partition of the deal made for that URL.
    private static string UrlKey(string canonicalUrl) => StableId.From("url", canonicalUrl);

    private static string TextKey(string fingerprint) => StableId.From("text", fingerprint);

    private async Task<Deal> StoreAsync(Deal fresh, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxMergeAttempts; attempt++)
        {
            if (await deals.GetVersionedAsync(fresh.Id, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                if (await deals.AddIfAbsentAsync(fresh, cancellationToken).ConfigureAwait(false))
                {
                    Telemetry.AlertsTelemetry.DealsExtracted.Add(1);
                    LogDeal(logger, fresh.Title, Describe(fresh.Amounts), string.Join(", ", fresh.Tickers.Select(t => t.Symbol).Distinct()));
                    return fresh;
                }

                continue; // another source of the story was stored first: merge into it
            }

            // A replay alerts on the stored deal, so its id and contents stay those subscribers may have seen.
            if (Merge(stored.Deal, fresh, clock.GetUtcNow()) is not { } merged)
            {
                // A replay: rewrite the listing copies, in case the run that stored this version stopped before them.
                await deals.ReindexAsync(stored.Deal, null, cancellationToken).ConfigureAwait(false);
                return stored.Deal;
            }

            if (await deals.TryReplaceAsync(merged, stored.Deal, stored.Version, cancellationToken).ConfigureAwait(false))
            {
                if (merged.Revision != stored.Deal.Revision)
                {
                    Telemetry.AlertsTelemetry.DealsUpdated.Add(1, new KeyValuePair<string, object?>("kind", "revision"));
                    LogRevision(logger, merged.Title, merged.Revision, merged.AlertRevision == merged.Revision);
                }
                else if (merged.Sources.Count != stored.Deal.Sources.Count)
                {
                    Telemetry.AlertsTelemetry.DealsUpdated.Add(1, new KeyValuePair<string, object?>("kind", "source"));
                    LogSource(logger, merged.Title, merged.Sources.Count);
                }

                return merged;
            }
        }

        throw new InvalidOperationException($"Deal {fresh.Id} kept changing under {MaxMergeAttempts} merge attempts; the message is retried.");
    }

    private static string ContentHash(ArticleMessage article) =>
        StableId.From(article.Title ?? string.Empty, article.Summary ?? string.Empty, article.Content ?? string.Empty);

    private static List<DealSource> Replace(IReadOnlyList<DealSource> sources, int index, DealSource source)
    {
        var list = sources.ToList();
        list[index] = source;
        return list;
    }

    /// <summary>
    /// "USD 30,000,000,000; EUR 1,200,000" for logs and mails: each amount once, though a story names it in its
    /// title and again in its summary (the deal keeps every mention, with its evidence).
    /// </summary>
    public static string Describe(IEnumerable<MoneyAmount> amounts) => string.Join("; ", Labels(amounts));

    /// <summary>"USD 30,000,000,000" per distinct amount, in order of mention.</summary>
    public static IEnumerable<string> Labels(IEnumerable<MoneyAmount> amounts) =>
        amounts.Select(a => $"{a.Currency} {a.Value.ToString("#,0.##", CultureInfo.InvariantCulture)}").Distinct(StringComparer.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deal: \"{Title}\" amounts [{Amounts}] tickers [{Tickers}]")]
    private static partial void LogDeal(ILogger logger, string title, string amounts, string tickers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deal revised: \"{Title}\" revision {Revision}; subscribers alerted again: {Realert}")]
    private static partial void LogRevision(ILogger logger, string title, int revision, bool realert);

    [LoggerMessage(Level = LogLevel.Information, Message = "Same story from another source: \"{Title}\" now has {Count} sources")]
    private static partial void LogSource(ILogger logger, string title, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Same story under another URL: \"{Title}\" joins deal {DealId}")]
    private static partial void LogSameStory(ILogger logger, string title, string dealId);

    [LoggerMessage(Level = LogLevel.Information, Message = "No amount in \"{Title}\": not a deal")]
    private static partial void LogNoAmount(ILogger logger, string title);
}
