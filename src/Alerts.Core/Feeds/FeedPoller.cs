using Alerts.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Feeds;

/// <summary>
/// The timer's work: find the feeds that are due and queue one fetch message each, so fetching
/// spreads over instances and the timer itself never runs long.
/// </summary>
public sealed partial class FeedPoller(IFeedStore feeds, IMessageQueue queue, TimeProvider clock, ILogger<FeedPoller> logger)
{
    // Queue sends are independent round trips: a few in flight keep 10,000 due feeds to seconds, not minutes.
    private const int ParallelSends = 16;

    /// <summary>Queues every enabled feed whose next poll time has come; returns how many were queued.</summary>
    public async Task<int> QueueDueFeedsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var queued = 0;
        await Parallel.ForEachAsync(
            feeds.ListDueAsync(now, cancellationToken),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelSends, CancellationToken = cancellationToken },
            async (id, token) =>
            {
                await queue.SendAsync(StorageNames.FeedsQueue, new FeedFetchMessage(id), token).ConfigureAwait(false);
                Interlocked.Increment(ref queued);
            }).ConfigureAwait(false);

        LogQueued(logger, queued);
        return queued;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Poll: {Count} feed(s) due")]
    private static partial void LogQueued(ILogger logger, int count);
}
