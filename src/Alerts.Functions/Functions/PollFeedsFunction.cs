using Alerts.Core.Feeds;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Functions;

/// <summary>Timer: queues a fetch for every feed that is due. The schedule is the setting <c>Alerts:PollSchedule</c>.</summary>
public sealed class PollFeedsFunction(FeedPoller poller)
{
    [Function("PollFeeds")]
    public Task<int> Run([TimerTrigger("%Alerts:PollSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        poller.QueueDueFeedsAsync(cancellationToken);
}
