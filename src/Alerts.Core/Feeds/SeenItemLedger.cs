using Alerts.Core.Storage;

namespace Alerts.Core.Feeds;

/// <summary>Whether an item of the current document is new, a revision of one seen before, or unchanged.</summary>
public enum ItemChange
{
    New,
    Revised,
    Unchanged,
}

/// <summary>What one poll changes in a feed's remembered items.</summary>
/// <param name="Items">Each distinct item of the document with its change (document order).</param>
/// <param name="ToSave">Rows to write: new and revised items, and unchanged ones whose LastSeen is refreshed.</param>
/// <param name="ToForget">Keys of tombstones older than the retention window (items gone from the feed).</param>
public sealed record LedgerUpdate(
    IReadOnlyList<(FeedEntry Entry, ItemChange Change)> Items,
    IReadOnlyList<SeenItem> ToSave,
    IReadOnlyList<string> ToForget);

/// <summary>
/// Dedup of feed items (pure; the store only loads and saves). An item is identified by its id, plus its canonical
/// link when the two disagree, so a feed repeating one guid for different links keeps them apart. An item that
/// leaves the feed stays remembered (a tombstone) for the retention window: if it comes back it is not new again.
/// </summary>
public static class SeenItemLedger
{
    /// <summary>The dedup key (a hash, used as the row key within the feed's partition).</summary>
    public static string KeyOf(FeedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var link = CanonicalUrl.Normalize(entry.Link) ?? entry.Link;
        return link is null || entry.Id == entry.Link || entry.Id == link
            ? StableId.From(entry.Id) // the same key as before this rule existed: nothing seen earlier becomes new
            : StableId.From(entry.Id, link);
    }

    /// <summary>A hash of the item's text: a change makes the item a revision.</summary>
    public static string ContentHashOf(FeedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return StableId.From(entry.Title ?? string.Empty, entry.Summary ?? string.Empty, entry.Content ?? string.Empty);
    }

    public static LedgerUpdate Reconcile(IReadOnlyDictionary<string, SeenItem> known, IEnumerable<FeedEntry> entries, DateTimeOffset now, TimeSpan retention)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(entries);
        var items = new List<(FeedEntry, ItemChange)>();
        var save = new List<SeenItem>();
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var key = KeyOf(entry);
            if (!present.Add(key))
            {
                continue; // the same item twice in one document
            }

            var hash = ContentHashOf(entry);
            if (!known.TryGetValue(key, out var seen))
            {
                items.Add((entry, ItemChange.New));
                save.Add(new SeenItem(key, hash, now));
            }
            else if (seen.ContentHash.Length > 0 && seen.ContentHash != hash)
            {
                items.Add((entry, ItemChange.Revised));
                save.Add(new SeenItem(key, hash, now));
            }
            else
            {
                items.Add((entry, ItemChange.Unchanged));

                // Refreshing LastSeen on every poll would cost a write per item per poll; a quarter of the window
                // keeps an item that is still in the feed far from expiry at a fraction of the writes.
                if (seen.ContentHash.Length == 0 || now - seen.LastSeen > retention / 4)
                {
                    save.Add(new SeenItem(key, hash, now));
                }
            }
        }

        var forget = known.Values
            .Where(s => !present.Contains(s.Key) && s.LastSeen < now - retention)
            .Select(s => s.Key)
            .ToList();
        return new LedgerUpdate(items, save, forget);
    }
}
