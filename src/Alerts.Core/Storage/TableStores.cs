using System.Runtime.CompilerServices;
using Alerts.Core.Deals;
using Alerts.Core.Delivery;
using Alerts.Core.Extraction;
using Alerts.Core.Feeds;
using Alerts.Core.Subscriptions;
using Azure.Data.Tables;

namespace Alerts.Core.Storage;

/// <summary>
/// Feeds table: one partition per feed (point reads by id). <c>Enabled</c> and <c>NextPoll</c> are copied into
/// columns of their own so the timer's query for due feeds is filtered by the service and returns only keys.
/// </summary>
internal sealed class TableFeedStore(TableServiceClient tables) : IFeedStore
{
    private const string RowKey = "feed";
    private const string EnabledColumn = "Enabled";
    private const string NextPollColumn = "NextPoll";
    private const int MaxUpdateAttempts = 8;

    private readonly JsonTable<FeedRegistration> table = new(tables.GetTableClient(StorageNames.FeedsTable), IndexColumns);

    public async Task<(FeedRegistration Feed, bool Created)> AddIfAbsentAsync(FeedRegistration feed, CancellationToken cancellationToken)
    {
        if (await table.AddIfAbsentAsync(feed.Id, RowKey, feed, cancellationToken).ConfigureAwait(false))
        {
            return (feed, true);
        }

        return (await GetAsync(feed.Id, cancellationToken).ConfigureAwait(false) ?? feed, false);
    }

    public Task<FeedRegistration?> GetAsync(string id, CancellationToken cancellationToken) =>
        table.GetAsync(id, RowKey, cancellationToken);

    public IAsyncEnumerable<FeedRegistration> ListAsync(CancellationToken cancellationToken) =>
        table.QueryAsync(null, cancellationToken);

    public Task UpdateAsync(FeedRegistration feed, CancellationToken cancellationToken) =>
        table.UpsertAsync(feed.Id, RowKey, feed, cancellationToken);

    public async Task<FeedRegistration?> UpdateAsync(string id, Func<FeedRegistration, FeedRegistration?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 0; attempt < MaxUpdateAttempts; attempt++)
        {
            if (await table.GetVersionedAsync(id, RowKey, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                return null;
            }

            if (change(stored.Record) is not { } changed)
            {
                return null;
            }

            if (await table.TryReplaceAsync(id, RowKey, changed, stored.ETag, cancellationToken).ConfigureAwait(false))
            {
                return changed;
            }
        }

        throw new InvalidOperationException($"Feed {id} kept changing under {MaxUpdateAttempts} update attempts.");
    }

    public IAsyncEnumerable<string> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        table.QueryPartitionKeysAsync(TableClient.CreateQueryFilter($"Enabled eq {true} and NextPoll le {now}"), cancellationToken);

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        table.DeleteAsync(id, RowKey, cancellationToken);

    // A new feed has no NextPoll yet: it is due from its creation, so the filter needs no "or null" (unsupported).
    private static IEnumerable<KeyValuePair<string, object>> IndexColumns(FeedRegistration feed) =>
    [
        new(EnabledColumn, feed.Enabled),
        new(NextPollColumn, feed.NextPoll ?? feed.Created),
    ];
}

/// <summary>FeedItems table: partition = feed, row = hash of the item key; columns hold the content hash and when it was last seen.</summary>
internal sealed class TableFeedItemStore(TableServiceClient tables) : IFeedItemStore
{
    private const string HashColumn = "ContentHash";
    private const string LastSeenColumn = "LastSeen";
    private const int MaxBatch = 100; // the limit of one entity group transaction

    private readonly TableClient table = tables.GetTableClient(StorageNames.FeedItemsTable);

    public async Task<IReadOnlyDictionary<string, SeenItem>> LoadAsync(string feedId, CancellationToken cancellationToken)
    {
        var items = new Dictionary<string, SeenItem>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {feedId}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey", HashColumn, LastSeenColumn], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            // Rows written before content hashes were kept have no columns: seen, with no known text and at an unknown time (kept).
            items[row.RowKey] = new SeenItem(row.RowKey, row.GetString(HashColumn) ?? string.Empty, row.GetDateTimeOffset(LastSeenColumn) ?? DateTimeOffset.MaxValue);
        }

        return items;
    }

    public async Task SaveAsync(string feedId, IReadOnlyCollection<SeenItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var chunk in items.Chunk(MaxBatch))
        {
            var actions = chunk.Select(i => new TableTransactionAction(
                TableTransactionActionType.UpsertReplace,
                new TableEntity(feedId, i.Key) { [HashColumn] = i.ContentHash, [LastSeenColumn] = i.LastSeen }));
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task ForgetAsync(string feedId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        foreach (var chunk in keys.Chunk(MaxBatch))
        {
            var actions = chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(feedId, k), Azure.ETag.All));
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>
/// Deals table. Row layouts (docs/storage.md): the deal under partition = deal id, row "deal" (point reads; replays
/// collide on the key); the alert count beside it (row "alerts"); and index copies for newest-first listing under
/// partition "recent" and "t-{TICKER CODE}", row = inverted creation ticks + id.
/// </summary>
internal sealed class TableDealStore(TableServiceClient tables) : IDealStore
{
    private const string RowKey = "deal";
    private const string CountRowKey = "alerts";
    private const string CountColumn = "Count";
    private const string RecentPartition = "recent";

    // One storage request returns at most 1,000 rows; a filtered page stops scanning after this many rows.
    private const int MaxRowsScannedPerPage = 5_000;

    private readonly JsonTable<Deal> table = new(tables.GetTableClient(StorageNames.DealsTable));

    public async Task<bool> AddIfAbsentAsync(Deal deal, CancellationToken cancellationToken)
    {
        // Index rows after the deal: a crash in between is repaired by the replay, which finds the deal stored and
        // reindexes it (DealProcessor); a lost race leaves indexing to the winner.
        var added = await table.AddIfAbsentAsync(deal.Id, RowKey, deal, cancellationToken).ConfigureAwait(false);
        if (added)
        {
            await ReindexAsync(deal, null, cancellationToken).ConfigureAwait(false);
        }

        return added;
    }

    public async Task ReindexAsync(Deal deal, Deal? previous, CancellationToken cancellationToken)
    {
        var partitions = IndexPartitions(deal).ToList();
        foreach (var partition in partitions)
        {
            await table.UpsertAsync(partition, IndexRowKey(deal), deal, cancellationToken).ConfigureAwait(false);
        }

        // A revision that dropped a ticker leaves that ticker's listing (the row key, from Created, is unchanged).
        foreach (var gone in previous is null ? [] : IndexPartitions(previous).Except(partitions, StringComparer.Ordinal))
        {
            await table.DeleteAsync(gone, IndexRowKey(previous!), cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<Deal?> GetAsync(string id, CancellationToken cancellationToken) =>
        table.GetAsync(id, RowKey, cancellationToken);

    public async Task<(Deal Deal, string Version)?> GetVersionedAsync(string id, CancellationToken cancellationToken) =>
        await table.GetVersionedAsync(id, RowKey, cancellationToken).ConfigureAwait(false) is { } stored ? (stored.Record, stored.ETag.ToString()) : null;

    public async Task<bool> TryReplaceAsync(Deal deal, Deal previous, string version, CancellationToken cancellationToken)
    {
        if (!await table.TryReplaceAsync(deal.Id, RowKey, deal, new Azure.ETag(version), cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        // Listing copies follow the deal (a crash in between is repaired by the replay, which reindexes).
        await ReindexAsync(deal, previous, cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<StorePage<Deal>> ListPageAsync(DealFilter filter, string? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var partition = filter.Ticker is { } key ? TickerPartition(key.Code) : RecentPartition;
        if (partition is null)
        {
            return new StorePage<Deal>([], null);
        }

        var query = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        if (after is not null)
        {
            query += " and " + TableClient.CreateQueryFilter($"RowKey gt {after}");
        }

        if (filter.Since is { } since)
        {
            // Rows are newest first, so "created at or after since" is an upper bound on the row key.
            query += " and " + TableClient.CreateQueryFilter($"RowKey lt {InvertedTicks(since.AddTicks(-1))}");
        }

        var items = new List<Deal>();
        var scanned = 0;
        await foreach (var (rowKey, deal) in table.QueryRowsAsync(query, Math.Min(1000, Math.Max(limit, 100)), cancellationToken).ConfigureAwait(false))
        {
            scanned++;
            if (Keeps(filter, deal))
            {
                items.Add(deal);
                if (items.Count == limit)
                {
                    return new StorePage<Deal>(items, rowKey);
                }
            }

            if (scanned == MaxRowsScannedPerPage)
            {
                return new StorePage<Deal>(items, rowKey); // A short page; the cursor resumes the scan.
            }
        }

        return new StorePage<Deal>(items, null);
    }

    public async Task AddAlertCountAsync(string dealId, int count, CancellationToken cancellationToken)
    {
        // Optimistic increment: a concurrent replay of the same deal retries on a fresh read.
        for (var attempt = 0; ; attempt++)
        {
            var response = await table.Client.GetEntityIfExistsAsync<TableEntity>(dealId, CountRowKey, [CountColumn], cancellationToken).ConfigureAwait(false);
            try
            {
                if (response.HasValue && response.Value is { } row)
                {
                    // A new entity: the projected read carries no keys.
                    var updated = new TableEntity(dealId, CountRowKey) { [CountColumn] = (row.GetInt32(CountColumn) ?? 0) + count };
                    await table.Client.UpdateEntityAsync(updated, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    await table.Client.AddEntityAsync(new TableEntity(dealId, CountRowKey) { [CountColumn] = count }, cancellationToken).ConfigureAwait(false);
                }

                return;
            }
            catch (Azure.RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < 10)
            {
            }
        }
    }

    public async Task<int> GetAlertCountAsync(string dealId, CancellationToken cancellationToken)
    {
        var response = await table.Client.GetEntityIfExistsAsync<TableEntity>(dealId, CountRowKey, [CountColumn], cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } row ? row.GetInt32(CountColumn) ?? 0 : 0;
    }

    private static bool Keeps(DealFilter filter, Deal deal) =>
        (filter.Ticker is not { } key || deal.Tickers.Any(t => key.Matches(new TickerKey(t.Code, t.Exchange))))
        && (filter.MinUsd is not { } min || deal.LargestUsd >= min)
        && (filter.Since is not { } since || deal.Created >= since);

    private static IEnumerable<string> IndexPartitions(Deal deal) =>
        deal.Tickers.Select(t => TickerPartition(t.Code)).OfType<string>().Distinct(StringComparer.Ordinal).Prepend(RecentPartition);

    // Keyed by code only, so a bare "GOOGL" finds every exchange; the exchange is checked on the row.
    private static string? TickerPartition(string code)
    {
        var upper = code.ToUpperInvariant();
        return upper.Length is >= 1 and <= 32 && upper.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-') ? "t-" + upper : null;
    }

    private static string IndexRowKey(Deal deal) => InvertedTicks(deal.Created) + "-" + deal.Id;

    private static string InvertedTicks(DateTimeOffset time) =>
        (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Subscriptions table. Row layouts (docs/storage.md): each subscription under partition "s-{h}" (h: first hex digit of
/// a hash of the id, 16 partitions), row = id, so a read by id is a point read and listing is a range over 16
/// partitions; "w-{watchlist}" / id index rows (subscriptions following a watchlist); watchlists under
/// "watchlists" / name; and the change marker under "changes" / "marker".
/// </summary>
internal sealed class TableSubscriptionStore(TableServiceClient tables) : ISubscriptionStore
{
    private const string MarkerPartition = "changes";
    private const string MarkerRow = "marker";
    private static readonly string[] Shards = [.. "0123456789abcdef".Select(c => "s-" + c)];

    private readonly JsonTable<Subscription> table = new(tables.GetTableClient(StorageNames.SubscriptionsTable));

    public async Task AddAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        // Index rows first: a crash leaves at most an index row without its subscription, which readers skip.
        await AddFollowRowsAsync(subscription.Id, subscription.Watchlists, cancellationToken).ConfigureAwait(false);
        if (!await table.AddIfAbsentAsync(ShardOf(subscription.Id), subscription.Id, subscription, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Subscription {subscription.Id} exists already.");
        }

        await MarkChangedAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task<Subscription?> GetAsync(string id, CancellationToken cancellationToken) =>
        table.GetAsync(ShardOf(id), id, cancellationToken);

    public async Task<Versioned<Subscription>?> GetVersionedAsync(string id, CancellationToken cancellationToken) =>
        await table.GetVersionedAsync(ShardOf(id), id, cancellationToken).ConfigureAwait(false) is { } found
            ? new Versioned<Subscription>(found.Record, found.ETag.ToString())
            : null;

    public async IAsyncEnumerable<Subscription> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The 16 shards are read in parallel: each partition serves ~2,000 entities/s, the account ~20,000.
        var shards = await Task.WhenAll(Shards.Select(async shard =>
        {
            var list = new List<Subscription>();
            await foreach (var (_, subscription) in table.QueryRowsAsync(TableClient.CreateQueryFilter($"PartitionKey eq {shard}"), 1000, cancellationToken).ConfigureAwait(false))
            {
                list.Add(subscription);
            }

            return list;
        })).ConfigureAwait(false);
        foreach (var subscription in shards.SelectMany(s => s))
        {
            yield return subscription;
        }
    }

    public async Task<StorePage<Subscription>> ListPageAsync(string? watchlist, string? after, int limit, CancellationToken cancellationToken)
    {
        return watchlist is null
            ? await ListAllPageAsync(after, limit, cancellationToken).ConfigureAwait(false)
            : await ListFollowersPageAsync(watchlist, after, limit, cancellationToken).ConfigureAwait(false);
    }

    public async Task UpdateAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        await table.UpsertAsync(ShardOf(subscription.Id), subscription.Id, subscription, cancellationToken).ConfigureAwait(false);
        await MarkChangedAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<WriteOutcome> ReplaceAsync(Subscription subscription, Versioned<Subscription> previous, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(previous);
        var added = subscription.Watchlists.Except(previous.Value.Watchlists, StringComparer.Ordinal).ToList();
        await AddFollowRowsAsync(subscription.Id, added, cancellationToken).ConfigureAwait(false);
        var outcome = await table.ReplaceAsync(ShardOf(subscription.Id), subscription.Id, subscription, new Azure.ETag(previous.Version), cancellationToken).ConfigureAwait(false);
        var dropped = outcome == WriteOutcome.Done ? previous.Value.Watchlists.Except(subscription.Watchlists, StringComparer.Ordinal) : added;
        await DeleteFollowRowsAsync(subscription.Id, dropped, cancellationToken).ConfigureAwait(false);
        await MarkChangedAsync(cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        await GetVersionedAsync(id, cancellationToken).ConfigureAwait(false) is { } previous
        && await DeleteAsync(previous, cancellationToken).ConfigureAwait(false) == WriteOutcome.Done;

    public async Task<WriteOutcome> DeleteAsync(Versioned<Subscription> previous, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var id = previous.Value.Id;
        var outcome = await table.DeleteAsync(ShardOf(id), id, new Azure.ETag(previous.Version), cancellationToken).ConfigureAwait(false);
        if (outcome == WriteOutcome.Done)
        {
            await DeleteFollowRowsAsync(id, previous.Value.Watchlists, cancellationToken).ConfigureAwait(false);
            await MarkChangedAsync(cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    public async Task<bool> IsWatchlistFollowedAsync(string name, CancellationToken cancellationToken) =>
        (await ListFollowersPageAsync(name, null, 1, cancellationToken).ConfigureAwait(false)).Items.Count > 0;

    public async Task<string?> GetChangeMarkerAsync(CancellationToken cancellationToken)
    {
        var response = await table.Client.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, MarkerRow, ["Marker"], cancellationToken).ConfigureAwait(false);
        return response.HasValue && response.Value is { } row ? row.GetString("Marker") : null;
    }

    public async Task MarkChangedAsync(CancellationToken cancellationToken) =>
        await table.Client.UpsertEntityAsync(new TableEntity(MarkerPartition, MarkerRow) { ["Marker"] = Guid.NewGuid().ToString("N") }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

    internal static string ShardOf(string id) => "s-" + StableId.From(id)[0];

    private static string FollowPartition(string watchlist) => "w-" + watchlist;

    private async Task<StorePage<Subscription>> ListAllPageAsync(string? after, int limit, CancellationToken cancellationToken)
    {
        // Order: shard, then id within the shard. The cursor is the last id; its shard says where to resume.
        var items = new List<Subscription>();
        var start = after is null ? 0 : Array.IndexOf(Shards, ShardOf(after));
        for (var shard = start; shard < Shards.Length; shard++)
        {
            var query = TableClient.CreateQueryFilter($"PartitionKey eq {Shards[shard]}");
            if (after is not null && shard == start)
            {
                query += " and " + TableClient.CreateQueryFilter($"RowKey gt {after}");
            }

            await foreach (var (_, subscription) in table.QueryRowsAsync(query, Math.Min(1000, limit), cancellationToken).ConfigureAwait(false))
            {
                items.Add(subscription);
                if (items.Count == limit)
                {
                    return new StorePage<Subscription>(items, subscription.Id);
                }
            }
        }

        return new StorePage<Subscription>(items, null);
    }

    private async Task<StorePage<Subscription>> ListFollowersPageAsync(string watchlist, string? after, int limit, CancellationToken cancellationToken)
    {
        var query = TableClient.CreateQueryFilter($"PartitionKey eq {FollowPartition(watchlist)}");
        if (after is not null)
        {
            query += " and " + TableClient.CreateQueryFilter($"RowKey gt {after}");
        }

        var ids = new List<string>();
        string? next = null;
        await foreach (var row in table.Client.QueryAsync<TableEntity>(query, Math.Min(1000, limit), ["RowKey"], cancellationToken).ConfigureAwait(false))
        {
            if (ids.Count == limit)
            {
                next = ids[^1];
                break;
            }

            ids.Add(row.RowKey);
        }

        // Point reads in parallel; an index row whose subscription is gone (crash between writes) is skipped.
        var found = await Task.WhenAll(ids.Select(id => GetAsync(id, cancellationToken))).ConfigureAwait(false);
        var items = found.OfType<Subscription>().Where(s => s.Watchlists.Contains(watchlist, StringComparer.Ordinal)).ToList();
        return new StorePage<Subscription>(items, next);
    }

    private async Task AddFollowRowsAsync(string id, IEnumerable<string> watchlists, CancellationToken cancellationToken)
    {
        foreach (var name in watchlists)
        {
            await table.Client.UpsertEntityAsync(new TableEntity(FollowPartition(name), id), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeleteFollowRowsAsync(string id, IEnumerable<string> watchlists, CancellationToken cancellationToken)
    {
        foreach (var name in watchlists)
        {
            await table.Client.DeleteEntityAsync(FollowPartition(name), id, Azure.ETag.All, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>Watchlists, in the Subscriptions table under partition "watchlists", row = name (few, small, read together).</summary>
internal sealed class TableWatchlistStore(TableServiceClient tables, ISubscriptionStore subscriptions) : IWatchlistStore
{
    private const string Partition = "watchlists";
    private readonly JsonTable<Watchlist> table = new(tables.GetTableClient(StorageNames.SubscriptionsTable));

    public async Task<Versioned<Watchlist>?> GetAsync(string name, CancellationToken cancellationToken) =>
        await table.GetVersionedAsync(Partition, name, cancellationToken).ConfigureAwait(false) is { } found
            ? new Versioned<Watchlist>(found.Record, found.ETag.ToString())
            : null;

    public async Task<IReadOnlyList<Watchlist>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<Watchlist>();
        await foreach (var watchlist in table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken).ConfigureAwait(false))
        {
            list.Add(watchlist);
        }

        return list;
    }

    public async Task<WriteOutcome> PutAsync(Watchlist watchlist, Versioned<Watchlist>? previous, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(watchlist);
        var outcome = previous is null
            ? await table.AddIfAbsentAsync(Partition, watchlist.Name, watchlist, cancellationToken).ConfigureAwait(false) ? WriteOutcome.Done : WriteOutcome.Stale
            : await table.ReplaceAsync(Partition, watchlist.Name, watchlist, new Azure.ETag(previous.Version), cancellationToken).ConfigureAwait(false);
        if (outcome == WriteOutcome.Done)
        {
            await subscriptions.MarkChangedAsync(cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    public async Task<WriteOutcome> DeleteAsync(Versioned<Watchlist> previous, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(previous);
        var outcome = await table.DeleteAsync(Partition, previous.Value.Name, new Azure.ETag(previous.Version), cancellationToken).ConfigureAwait(false);
        if (outcome == WriteOutcome.Done)
        {
            await subscriptions.MarkChangedAsync(cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }
}

/// <summary>Deliveries table: partition = subscription, row = alert id.</summary>
internal sealed class TableDeliveryStore(TableServiceClient tables) : IDeliveryStore
{
    private readonly JsonTable<DeliveryRecord> table = new(tables.GetTableClient(StorageNames.DeliveriesTable));

    public Task<DeliveryRecord?> GetAsync(string subscriptionId, string alertId, CancellationToken cancellationToken) =>
        table.GetAsync(subscriptionId, alertId, cancellationToken);

    public Task<bool> AddIfAbsentAsync(DeliveryRecord record, CancellationToken cancellationToken) =>
        table.AddIfAbsentAsync(record.SubscriptionId, record.AlertId, record, cancellationToken);

    public Task UpsertAsync(DeliveryRecord record, CancellationToken cancellationToken) =>
        table.UpsertAsync(record.SubscriptionId, record.AlertId, record, cancellationToken);

    public async Task<IReadOnlyList<DeliveryRecord>> ListAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        var records = new List<DeliveryRecord>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {subscriptionId}");
        await foreach (var record in table.QueryAsync(filter, cancellationToken).ConfigureAwait(false))
        {
            records.Add(record);
        }

        return records.OrderBy(r => r.Created).ToList();
    }
}
