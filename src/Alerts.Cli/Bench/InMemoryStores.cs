using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading.Channels;
using Alerts.Core;
using Alerts.Core.Feeds;
using Alerts.Core.Storage;

namespace Alerts.Cli.Bench;

/// <summary>Feeds kept in memory for benchmarks: measures fetching, not the storage emulator.</summary>
internal sealed class InMemoryFeedStore : IFeedStore
{
    private readonly ConcurrentDictionary<string, FeedRegistration> feeds = new();

    public Task<(FeedRegistration Feed, bool Created)> AddIfAbsentAsync(FeedRegistration feed, CancellationToken cancellationToken)
    {
        var stored = feeds.GetOrAdd(feed.Id, feed);
        return Task.FromResult((stored, ReferenceEquals(stored, feed)));
    }

    public Task<FeedRegistration?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(feeds.GetValueOrDefault(id));

    public async IAsyncEnumerable<FeedRegistration> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (var feed in feeds.Values)
        {
            yield return feed;
        }
    }

    public Task UpdateAsync(FeedRegistration feed, CancellationToken cancellationToken)
    {
        feeds[feed.Id] = feed;
        return Task.CompletedTask;
    }

    public Task<FeedRegistration?> UpdateAsync(string id, Func<FeedRegistration, FeedRegistration?> change, CancellationToken cancellationToken)
    {
        while (feeds.TryGetValue(id, out var current))
        {
            if (change(current) is not { } changed)
            {
                return Task.FromResult<FeedRegistration?>(null);
            }

            if (feeds.TryUpdate(id, changed, current))
            {
                return Task.FromResult<FeedRegistration?>(changed);
            }
        }

        return Task.FromResult<FeedRegistration?>(null);
    }

    public async IAsyncEnumerable<string> ListDueAsync(DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (var feed in feeds.Values.Where(f => f.Enabled && (f.NextPoll ?? f.Created) <= now))
        {
            yield return feed.Id;
        }
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => Task.FromResult(feeds.TryRemove(id, out _));
}

/// <summary>Seen items kept in memory for benchmarks.</summary>
internal sealed class InMemoryFeedItemStore : IFeedItemStore
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, SeenItem>> items = new();

    public Task<IReadOnlyDictionary<string, SeenItem>> LoadAsync(string feedId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, SeenItem>>(new Dictionary<string, SeenItem>(Of(feedId)));

    public Task SaveAsync(string feedId, IReadOnlyCollection<SeenItem> items, CancellationToken cancellationToken)
    {
        var partition = Of(feedId);
        foreach (var item in items)
        {
            partition[item.Key] = item;
        }

        return Task.CompletedTask;
    }

    public Task ForgetAsync(string feedId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        var partition = Of(feedId);
        foreach (var key in keys)
        {
            partition.TryRemove(key, out _);
        }

        return Task.CompletedTask;
    }

    private ConcurrentDictionary<string, SeenItem> Of(string feedId) => items.GetOrAdd(feedId, _ => new());
}

/// <summary>
/// Queues for benchmarks: messages are serialised as in Azure; <c>feeds</c> messages are kept for the bench's
/// workers, the others only counted (their consumers are not what is measured).
/// </summary>
internal sealed class InMemoryMessageQueue : IMessageQueue
{
    private long sent;

    public Channel<string> Feeds { get; } = Channel.CreateUnbounded<string>();

    /// <summary>Messages sent to queues other than <c>feeds</c> (articles).</summary>
    public long Others => Interlocked.Read(ref sent);

    public Task SendAsync<T>(string queueName, T message, CancellationToken cancellationToken, TimeSpan? visibilityDelay = null)
    {
        var body = JsonSerializer.Serialize(message, AlertsJson.Options);
        if (queueName == StorageNames.FeedsQueue)
        {
            return Feeds.Writer.WriteAsync(body, cancellationToken).AsTask();
        }

        Interlocked.Increment(ref sent);
        return Task.CompletedTask;
    }
}
