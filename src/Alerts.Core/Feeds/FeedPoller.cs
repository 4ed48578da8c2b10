using Alerts.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Feeds;

/// <summary>
/// The timer's work: find the feeds that are due and queue one fetch message each, so fetching
/// spreads over instances and the timer itself never runs long.
/// </summary>
public sealed partial class FeedPoller(IFeedStore feeds, IMessageQueue queue, TimeProvider clock, ILogger<FeedPoller> logger)
{
    /// <summary>Queues every enabled feed whose next poll time has come; returns how many were queued.</summary>
    public async Task<int> QueueDueFeedsAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var queued = 0;
        await foreach (var feed in feeds.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (!feed.Enabled || feed.NextPoll > now)
            {
                continue;
            }

            await queue.SendAsync(StorageNames.FeedsQueue, new FeedFetchMessage(feed.Id), cancellationToken).ConfigureAwait(false);
            queued++;
        }

        LogQueued(logger, queued);
        return queued;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Poll: {Count} feed(s) due")]
    private static partial void LogQueued(ILogger logger, int count);
}
