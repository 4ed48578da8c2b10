using Azure.Data.Tables;

namespace Alerts.Core.Storage;

/// <summary>
/// Which deal a story key belongs to. A key is a hash of a canonical URL or of a story's normalised text; the first
/// deal to claim a key owns it, so articles that share a key with an earlier one join its deal.
/// </summary>
public interface IStoryKeyStore
{
    /// <summary>The deal owning <paramref name="key"/>, or null when nobody does (or the claim is older than <paramref name="maxAge"/>).</summary>
    Task<string?> FindAsync(string key, TimeSpan? maxAge, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Claims <paramref name="key"/> for <paramref name="dealId"/> unless someone holds a live claim; returns the
    /// owner after the call (<paramref name="dealId"/>, or the deal that claimed it first).
    /// </summary>
    Task<string> ClaimAsync(string key, string dealId, TimeSpan? maxAge, DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>One claim: the owning deal and when it claimed the key.</summary>
public sealed record StoryKey(string DealId, DateTimeOffset Claimed);

/// <summary>
/// Story keys live in the Deals table as row "story" of partition = key (docs/storage.md): a URL key equals the id a
/// deal for that URL would have, so its row sits beside that deal's row, and every lookup is a point read.
/// </summary>
internal sealed class TableStoryKeyStore(TableServiceClient tables) : IStoryKeyStore
{
    private const string RowKey = "story";
    private const int MaxAttempts = 8;

    private readonly JsonTable<StoryKey> table = new(tables.GetTableClient(StorageNames.DealsTable));

    public async Task<string?> FindAsync(string key, TimeSpan? maxAge, DateTimeOffset now, CancellationToken cancellationToken) =>
        await table.GetAsync(key, RowKey, cancellationToken).ConfigureAwait(false) is { } claim && IsLive(claim, maxAge, now) ? claim.DealId : null;

    public async Task<string> ClaimAsync(string key, string dealId, TimeSpan? maxAge, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var mine = new StoryKey(dealId, now);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (await table.AddIfAbsentAsync(key, RowKey, mine, cancellationToken).ConfigureAwait(false))
            {
                return dealId;
            }

            if (await table.GetVersionedAsync(key, RowKey, cancellationToken).ConfigureAwait(false) is not { } held)
            {
                continue; // deleted in between: try to add again
            }

            if (held.Record.DealId == dealId || IsLive(held.Record, maxAge, now))
            {
                return held.Record.DealId;
            }

            // An expired claim is taken over; the ETag makes two concurrent takers agree on one owner.
            if (await table.TryReplaceAsync(key, RowKey, mine, held.ETag, cancellationToken).ConfigureAwait(false))
            {
                return dealId;
            }
        }

        throw new InvalidOperationException($"Story key {key} kept changing under {MaxAttempts} attempts; the message is retried.");
    }

    private static bool IsLive(StoryKey claim, TimeSpan? maxAge, DateTimeOffset now) => maxAge is not { } age || now - claim.Claimed <= age;
}
