using Alerts.Core.Deals;
using Alerts.Core.Delivery;
using Alerts.Core.Feeds;
using Alerts.Core.Subscriptions;

namespace Alerts.Core.Storage;

/// <summary>Registered feeds and their polling state.</summary>
public interface IFeedStore
{
    /// <summary>Adds the feed unless one with the same id exists; returns the stored feed and whether it was created.</summary>
    Task<(FeedRegistration Feed, bool Created)> AddIfAbsentAsync(FeedRegistration feed, CancellationToken cancellationToken);
    Task<FeedRegistration?> GetAsync(string id, CancellationToken cancellationToken);
    IAsyncEnumerable<FeedRegistration> ListAsync(CancellationToken cancellationToken);
    Task UpdateAsync(FeedRegistration feed, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the stored feed, retrying on a concurrent write so that, e.g., a fetch
    /// finishing does not undo an administrator's PATCH. Returns the stored result, or null when the feed is gone
    /// or <paramref name="change"/> returned null (nothing written).
    /// </summary>
    Task<FeedRegistration?> UpdateAsync(string id, Func<FeedRegistration, FeedRegistration?> change, CancellationToken cancellationToken);

    /// <summary>Ids of the enabled feeds whose next poll is at or before <paramref name="now"/> (a server-side filter).</summary>
    IAsyncEnumerable<string> ListDueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Returns false when there was no such feed.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
}

/// <summary>One remembered item of a feed: its dedup key, a hash of its text (revisions) and when it was last in the feed.</summary>
public sealed record SeenItem(string Key, string ContentHash, DateTimeOffset LastSeen);

/// <summary>Which feed items have been seen, so each is sent for extraction once (plus once per revision).</summary>
public interface IFeedItemStore
{
    /// <summary>Every remembered item of the feed, by key (one partition query).</summary>
    Task<IReadOnlyDictionary<string, SeenItem>> LoadAsync(string feedId, CancellationToken cancellationToken);

    /// <summary>Writes (inserts or replaces) the items, in batches.</summary>
    Task SaveAsync(string feedId, IReadOnlyCollection<SeenItem> items, CancellationToken cancellationToken);

    /// <summary>Forgets the items with these keys (expired tombstones).</summary>
    Task ForgetAsync(string feedId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken);
}

/// <summary>Deals extracted from articles.</summary>
public interface IDealStore
{
    /// <summary>Adds the deal unless it exists; returns true when it was created by this call.</summary>
    Task<bool> AddIfAbsentAsync(Deal deal, CancellationToken cancellationToken);
    Task<Deal?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The deal with an opaque version for <see cref="TryReplaceAsync"/>.</summary>
    Task<(Deal Deal, string Version)?> GetVersionedAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the deal if it is still at <paramref name="version"/> (read as <paramref name="previous"/>), then its
    /// listing copies; false when it changed meanwhile.
    /// </summary>
    Task<bool> TryReplaceAsync(Deal deal, Deal previous, string version, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the deal's listing copies (newest-first and per ticker), and removes those of tickers that only
    /// <paramref name="previous"/> named.
    /// </summary>
    Task ReindexAsync(Deal deal, Deal? previous, CancellationToken cancellationToken);

    /// <summary>A page of deals, newest first, from an index partition (all deals, or one ticker code).</summary>
    Task<StorePage<Deal>> ListPageAsync(DealFilter filter, string? after, int limit, CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="count"/> to the number of alerts queued for the deal.</summary>
    Task AddAlertCountAsync(string dealId, int count, CancellationToken cancellationToken);

    Task<int> GetAlertCountAsync(string dealId, CancellationToken cancellationToken);
}

/// <summary>What <see cref="IDealStore.ListPageAsync"/> keeps: a ticker (any notation), a start time, a USD minimum.</summary>
public sealed record DealFilter(Extraction.TickerKey? Ticker = null, DateTimeOffset? Since = null, decimal? MinUsd = null);

/// <summary>One page read from storage and the row key after which the next page starts (null: no more).</summary>
public sealed record StorePage<T>(IReadOnlyList<T> Items, string? After);

/// <summary>A record with the storage version (row ETag) it was read at, for conditional writes.</summary>
public sealed record Versioned<T>(T Value, string Version);

/// <summary>Subscriptions.</summary>
public interface ISubscriptionStore
{
    Task AddAsync(Subscription subscription, CancellationToken cancellationToken);
    Task<Subscription?> GetAsync(string id, CancellationToken cancellationToken);
    IAsyncEnumerable<Subscription> ListAsync(CancellationToken cancellationToken);
    Task UpdateAsync(Subscription subscription, CancellationToken cancellationToken);

    /// <summary>Returns false when there was no such subscription.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    Task<Versioned<Subscription>?> GetVersionedAsync(string id, CancellationToken cancellationToken);

    /// <summary>Replaces the subscription (and its watchlist index rows) unless it changed since <paramref name="previous"/> was read.</summary>
    Task<WriteOutcome> ReplaceAsync(Subscription subscription, Versioned<Subscription> previous, CancellationToken cancellationToken);

    /// <summary>Deletes the subscription unless it changed since <paramref name="previous"/> was read.</summary>
    Task<WriteOutcome> DeleteAsync(Versioned<Subscription> previous, CancellationToken cancellationToken);

    /// <summary>A page in id order (all subscriptions, or those following <paramref name="watchlist"/>).</summary>
    Task<StorePage<Subscription>> ListPageAsync(string? watchlist, string? after, int limit, CancellationToken cancellationToken);

    /// <summary>True when at least one subscription follows the watchlist.</summary>
    Task<bool> IsWatchlistFollowedAsync(string name, CancellationToken cancellationToken);

    /// <summary>A value that changes whenever a subscription or watchlist is written (the matching index reloads then).</summary>
    Task<string?> GetChangeMarkerAsync(CancellationToken cancellationToken);

    /// <summary>Changes the marker of <see cref="GetChangeMarkerAsync"/>.</summary>
    Task MarkChangedAsync(CancellationToken cancellationToken);
}

/// <summary>Watchlists: named lists of tickers, companies and keywords.</summary>
public interface IWatchlistStore
{
    Task<Versioned<Watchlist>?> GetAsync(string name, CancellationToken cancellationToken);
    Task<IReadOnlyList<Watchlist>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Creates the watchlist when <paramref name="previous"/> is null (Stale if it exists), else replaces that version.</summary>
    Task<WriteOutcome> PutAsync(Watchlist watchlist, Versioned<Watchlist>? previous, CancellationToken cancellationToken);
    Task<WriteOutcome> DeleteAsync(Versioned<Watchlist> previous, CancellationToken cancellationToken);
}

/// <summary>One record per alert: what was tried and how it ended (dedup of replayed alert messages).</summary>
public interface IDeliveryStore
{
    Task<DeliveryRecord?> GetAsync(string subscriptionId, string alertId, CancellationToken cancellationToken);

    /// <summary>Adds the record unless one exists; returns false when it existed.</summary>
    Task<bool> AddIfAbsentAsync(DeliveryRecord record, CancellationToken cancellationToken);
    Task UpsertAsync(DeliveryRecord record, CancellationToken cancellationToken);

    /// <summary>The subscription's delivery records (one partition), oldest first.</summary>
    Task<IReadOnlyList<DeliveryRecord>> ListAsync(string subscriptionId, CancellationToken cancellationToken);
}

/// <summary>Sends JSON messages to Alerts' queues.</summary>
public interface IMessageQueue
{
    Task SendAsync<T>(string queueName, T message, CancellationToken cancellationToken, TimeSpan? visibilityDelay = null);
}
