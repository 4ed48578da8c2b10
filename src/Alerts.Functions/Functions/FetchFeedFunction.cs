using Alerts.Core.Feeds;
using Alerts.Core.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Functions;

/// <summary>Queue <c>feeds</c>: fetches one feed and queues its new items on <c>articles</c>.</summary>
public sealed class FetchFeedFunction(FeedFetcher fetcher)
{
    [Function("FetchFeed")]
    public Task<int> Run([QueueTrigger(StorageNames.FeedsQueue)] FeedFetchMessage message, CancellationToken cancellationToken) =>
        fetcher.FetchAsync(message.FeedId, cancellationToken);
}
