using System.Runtime.CompilerServices;
using Alerts.Core.Deals;
using Alerts.Core.Delivery;
using Alerts.Core.Extraction;
using Alerts.Core.Feeds;
using Alerts.Core.Subscriptions;
using Azure.Data.Tables;

namespace Alerts.Core.Storage;

/// <summary>Feeds table: one partition per feed (point reads by id).</summary>
internal sealed class TableFeedStore(TableServiceClient tables) : IFeedStore
{
    private const string RowKey = "feed";
    private readonly JsonTable<FeedRegistration> table = new(tables.GetTableClient(StorageNames.FeedsTable));

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
}

/// <summary>FeedItems table: partition = feed, row = hash of the item id.</summary>
internal sealed class TableFeedItemStore(TableServiceClient tables) : IFeedItemStore
{
    private readonly TableClient table = tables.GetTableClient(StorageNames.FeedItemsTable);

    public async Task<bool> HasSeenAsync(string feedId, string itemId, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(feedId, StableId.From(itemId), ["PartitionKey"], cancellationToken).ConfigureAwait(false);
        return response.HasValue;
    }

    public async Task MarkSeenAsync(string feedId, string itemId, CancellationToken cancellationToken) =>
        await table.UpsertEntityAsync(new TableEntity(feedId, StableId.From(itemId)), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
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
