using Alerts.Core.Feeds;
using Alerts.Core.Storage;
using Alerts.Functions.Functions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Alerts.Functions.Tests.Functions;

public class PollFeedsFunctionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private readonly Mock<IFeedStore> feeds = new();
    private readonly Mock<IMessageQueue> queue = new();
    private readonly FakeTimeProvider clock = new(Now);

    private static FeedRegistration Feed(string id, DateTimeOffset? nextPoll = null, bool enabled = true) =>
        new() { Id = id, Url = new Uri($"https://{id}.example.com/rss"), Created = Now.AddDays(-1), NextPoll = nextPoll, Enabled = enabled };

    // The store answers the due query (Enabled and NextPoll <= now); the poller must ask it with the clock's time.
    private void Stored(params FeedRegistration[] list) =>
        feeds.Setup(f => f.ListDueAsync(It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns((DateTimeOffset now, CancellationToken _) => list.Where(f => f.Enabled && (f.NextPoll is null || f.NextPoll <= now)).Select(f => f.Id).ToAsyncEnumerable());

    private PollFeedsFunction Function() => new(new FeedPoller(feeds.Object, queue.Object, clock, NullLogger<FeedPoller>.Instance));

    [Fact]
    public async Task Queues_a_fetch_for_due_feeds_only()
    {
        Stored(
            Feed("never-polled"),
            Feed("due", nextPoll: Now.AddMinutes(-1)),
            Feed("due-now", nextPoll: Now),
            Feed("later", nextPoll: Now.AddMinutes(1)),
            Feed("disabled", enabled: false));

        var queued = await Function().Run(new TimerInfo(), CancellationToken.None);

        Assert.Equal(3, queued);
        foreach (var id in new[] { "never-polled", "due", "due-now" })
        {
            queue.Verify(q => q.SendAsync(StorageNames.FeedsQueue, new FeedFetchMessage(id), It.IsAny<CancellationToken>(), null), Times.Once);
        }

        queue.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Feed_not_due_yet_is_queued_once_its_time_has_come()
    {
        Stored(Feed("later", nextPoll: Now.AddMinutes(5)));
        var function = Function();

        Assert.Equal(0, await function.Run(new TimerInfo(), CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(1, await function.Run(new TimerInfo(), CancellationToken.None));

        queue.Verify(q => q.SendAsync(StorageNames.FeedsQueue, new FeedFetchMessage("later"), It.IsAny<CancellationToken>(), null), Times.Once);
    }

    [Fact]
    public async Task No_feeds_queues_nothing()
    {
        Stored();

        Assert.Equal(0, await Function().Run(new TimerInfo(), CancellationToken.None));
        queue.VerifyNoOtherCalls();
    }
}
