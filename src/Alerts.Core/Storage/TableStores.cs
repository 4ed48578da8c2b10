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

    public async Task<bool> HasSeenAsync(string feedId, string itemId, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(feedId, StableId.From(itemId), ["PartitionKey"], cancellationToken).ConfigureAwait(false);
        return response.HasValue;
    }

    public async Task MarkSeenAsync(string feedId, string itemId, CancellationToken cancellationToken) =>
        await table.UpsertEntityAsync(new TableEntity(feedId, StableId.From(itemId)), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyDictionary<string, SeenItem>> LoadAsync(string feedId, CancellationToken cancellationToken)
    {
        var items = new Dictionary<string, SeenItem>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {feedId}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey", HashColumn, LastSeenColumn], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            // Rows written by MarkSeenAsync have no columns: seen, with no known text and at an unknown time (kept).
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

/// <summary>Deals table: partition = deal id (point reads; replays collide on the key).</summary>
internal sealed class TableDealStore(TableServiceClient tables) : IDealStore
{
    private const string RowKey = "deal";
    private readonly JsonTable<Deal> table = new(tables.GetTableClient(StorageNames.DealsTable));

    public Task<bool> AddIfAbsentAsync(Deal deal, CancellationToken cancellationToken) =>
        table.AddIfAbsentAsync(deal.Id, RowKey, deal, cancellationToken);

    public Task<Deal?> GetAsync(string id, CancellationToken cancellationToken) =>
        table.GetAsync(id, RowKey, cancellationToken);

    public async Task<(Deal Deal, string Version)?> GetVersionedAsync(string id, CancellationToken cancellationToken) =>
        await table.GetVersionedAsync(id, RowKey, cancellationToken).ConfigureAwait(false) is { } stored ? (stored.Record, stored.ETag.ToString()) : null;

    public Task<bool> TryReplaceAsync(Deal deal, string version, CancellationToken cancellationToken) =>
        table.TryReplaceAsync(deal.Id, RowKey, deal, new Azure.ETag(version), cancellationToken);

    public async Task<IReadOnlyList<Deal>> ListAsync(string? ticker, int limit, CancellationToken cancellationToken)
    {
        var wanted = ticker is null ? null : TickerNormalizer.TryNormalize(ticker);
        var deals = new List<Deal>();
        await foreach (var deal in table.QueryAsync(null, cancellationToken).ConfigureAwait(false))
        {
            if (wanted is not { } key || deal.Tickers.Any(t => key.Matches(new TickerKey(t.Code, t.Exchange))))
            {
                deals.Add(deal);
            }
        }

        return deals.OrderByDescending(d => d.Created).Take(limit).ToList();
    }
}

/// <summary>Subscriptions table: partition = subscription id.</summary>
internal sealed class TableSubscriptionStore(TableServiceClient tables) : ISubscriptionStore
{
    private const string RowKey = "subscription";
    private readonly JsonTable<Subscription> table = new(tables.GetTableClient(StorageNames.SubscriptionsTable));

    public async Task AddAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        if (!await table.AddIfAbsentAsync(subscription.Id, RowKey, subscription, cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"Subscription {subscription.Id} exists already.");
        }
    }

    public Task<Subscription?> GetAsync(string id, CancellationToken cancellationToken) =>
        table.GetAsync(id, RowKey, cancellationToken);

    public async IAsyncEnumerable<Subscription> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var all = new List<Subscription>();
        await foreach (var subscription in table.QueryAsync(null, cancellationToken).ConfigureAwait(false))
        {
            all.Add(subscription);
        }

        foreach (var subscription in all.OrderBy(s => s.Created))
        {
            yield return subscription;
        }
    }

    public Task UpdateAsync(Subscription subscription, CancellationToken cancellationToken) =>
        table.UpsertAsync(subscription.Id, RowKey, subscription, cancellationToken);

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        table.DeleteAsync(id, RowKey, cancellationToken);
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
