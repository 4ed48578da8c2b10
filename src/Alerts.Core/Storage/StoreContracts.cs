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
    Task<bool> HasSeenAsync(string feedId, string itemId, CancellationToken cancellationToken);
    Task MarkSeenAsync(string feedId, string itemId, CancellationToken cancellationToken);

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

    /// <summary>Replaces the deal if it is still at <paramref name="version"/>; false when it changed meanwhile.</summary>
    Task<bool> TryReplaceAsync(Deal deal, string version, CancellationToken cancellationToken);

    /// <summary>Newest deals first, optionally only those naming <paramref name="ticker"/>.</summary>
    Task<IReadOnlyList<Deal>> ListAsync(string? ticker, int limit, CancellationToken cancellationToken);
}

/// <summary>Subscriptions.</summary>
public interface ISubscriptionStore
{
    Task AddAsync(Subscription subscription, CancellationToken cancellationToken);
    Task<Subscription?> GetAsync(string id, CancellationToken cancellationToken);
    IAsyncEnumerable<Subscription> ListAsync(CancellationToken cancellationToken);
    Task UpdateAsync(Subscription subscription, CancellationToken cancellationToken);

    /// <summary>Returns false when there was no such subscription.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);
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
