using Alerts.Core.Configuration;
using Alerts.Core.Deals;
using Alerts.Core.Delivery;
using Alerts.Core.Extraction;
using Alerts.Core.Feeds;
using Alerts.Core.Storage;
using Alerts.Core.Subscriptions;
using Alerts.Core.Subscriptions.Matching;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Alerts.Core.Tests.Deals;

/// <summary>
/// DealProcessor with its stores mocked by small in-memory maps: which deal an article joins (story keys), how it
/// is stored or merged, and which alerts are queued. The same flows run against Azurite in the integration tests.
/// </summary>
public sealed class DealProcessorTests
{
    private const string WireText = "SoftBank Group said on Monday it would invest $2.4 billion in chip designer Arm.";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider clock = new(Now);
    private readonly Dictionary<string, (Deal Deal, int Version)> storedDeals = [];
    private readonly Dictionary<string, StoryKey> keys = [];
    private readonly List<AlertMessage> queued = [];
    private readonly HashSet<string> recordedAlerts = [];
    private readonly Mock<IDealStore> deals = new();
    private readonly Mock<IStoryKeyStore> storyKeys = new();
    private readonly List<Subscription> subscriptions = [Subscription("softbank", "9984.T")];
    private DealOptions options = new();

    public DealProcessorTests()
    {
        deals.Setup(d => d.GetVersionedAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string id, CancellationToken _) => storedDeals.TryGetValue(id, out var s) ? (s.Deal, s.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null);
        deals.Setup(d => d.AddIfAbsentAsync(It.IsAny<Deal>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Deal deal, CancellationToken _) => storedDeals.TryAdd(deal.Id, (deal, 1)));
        deals.Setup(d => d.TryReplaceAsync(It.IsAny<Deal>(), It.IsAny<Deal>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((Deal deal, Deal _, string version, CancellationToken _) =>
            {
                if (!storedDeals.TryGetValue(deal.Id, out var s) || s.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) != version)
                {
                    return false;
                }

                storedDeals[deal.Id] = (deal, s.Version + 1);
                return true;
            });

        // Story keys as the table implements them: the first claim wins, an expired one can be taken over.
        storyKeys.Setup(k => k.FindAsync(It.IsAny<string>(), It.IsAny<TimeSpan?>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string key, TimeSpan? maxAge, DateTimeOffset now, CancellationToken _) =>
                keys.TryGetValue(key, out var claim) && (maxAge is null || now - claim.Claimed <= maxAge) ? claim.DealId : null);
        storyKeys.Setup(k => k.ClaimAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<TimeSpan?>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string key, string dealId, TimeSpan? maxAge, DateTimeOffset now, CancellationToken _) =>
            {
                if (keys.TryGetValue(key, out var claim) && (maxAge is null || now - claim.Claimed <= maxAge))
                {
                    return claim.DealId;
                }

                keys[key] = new StoryKey(dealId, now);
                return dealId;
            });
    }

    private DealProcessor Processor()
    {
        var valuer = new ApproximateUsdValuer();
        var subscriptionStore = new Mock<ISubscriptionStore>();
        subscriptionStore.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).Returns(() => subscriptions.ToAsyncEnumerable());
        var watchlists = new Mock<IWatchlistStore>();
        watchlists.Setup(w => w.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
        var index = new SubscriptionIndexProvider(subscriptionStore.Object, watchlists.Object, valuer,
            Mock.Of<IOptionsMonitor<MatchingOptions>>(o => o.CurrentValue == new MatchingOptions()), clock, NullLogger<SubscriptionIndexProvider>.Instance);

        var deliveries = new Mock<IDeliveryStore>();
        deliveries.Setup(d => d.GetAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string subscription, string alert, CancellationToken _) => recordedAlerts.Contains(alert)
                ? new DeliveryRecord { SubscriptionId = subscription, AlertId = alert, DealId = "d", Status = DeliveryStatus.Queued, Created = Now }
                : null);
        deliveries.Setup(d => d.AddIfAbsentAsync(It.IsAny<DeliveryRecord>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((DeliveryRecord r, CancellationToken _) => recordedAlerts.Add(r.AlertId));
        var queue = new Mock<IMessageQueue>();
        queue.Setup(q => q.SendAsync(StorageNames.AlertsQueue, It.IsAny<AlertMessage>(), It.IsAny<CancellationToken>(), It.IsAny<TimeSpan?>()))
            .Callback((string _, AlertMessage m, CancellationToken _, TimeSpan? _) => queued.Add(m)).Returns(Task.CompletedTask);
        var alerts = new AlertDispatcher(deliveries.Object, queue.Object, clock, NullLogger<AlertDispatcher>.Instance);

        var monitor = new Mock<IOptionsMonitor<DealOptions>>();
        monitor.Setup(m => m.CurrentValue).Returns(() => options);
        return new DealProcessor(new DealExtractor(), deals.Object, storyKeys.Object, monitor.Object, index, valuer, alerts, clock, NullLogger<DealProcessor>.Instance);
    }

    [Fact]
    public async Task A_new_article_with_an_amount_is_stored_once_and_alerts_the_matching_subscription()
    {
        var deal = await Processor().ProcessAsync(Article("wire", "1", "https://wire.example.com/softbank", "SoftBank (9984.T) to invest $2.4 billion in Arm"), default);

        Assert.NotNull(deal);
        Assert.Equal(2_400_000_000m, deal.LargestUsd);
        Assert.Same(deal, storedDeals[deal.Id].Deal);
        var alert = Assert.Single(queued);
        Assert.Equal(("softbank", deal.Id), (alert.SubscriptionId, alert.DealId));
        deals.Verify(d => d.AddAlertCountAsync(deal.Id, 1, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task An_article_without_an_amount_stores_nothing()
    {
        var deal = await Processor().ProcessAsync(Article("wire", "1", "https://wire.example.com/x", "SoftBank (9984.T) shares rose on Monday"), default);

        Assert.Null(deal);
        Assert.Empty(storedDeals);
        Assert.Empty(keys);
        Assert.Empty(queued);
    }

    [Fact]
    public async Task The_same_text_under_another_sites_url_joins_the_first_deal_and_alerts_nobody_twice()
    {
        var processor = Processor();
        var first = await processor.ProcessAsync(Article("wire", "1", "https://wire.example.com/a", "SoftBank (9984.T) to invest $2.4 billion in Arm", WireText), default);
        var second = await processor.ProcessAsync(Article("portal", "77", "https://portal.example.org/markets/b?id=9", "<b>SOFTBANK (9984.T) to invest $2.4 billion in Arm</b>", WireText), default);

        Assert.Equal(first!.Id, second!.Id);
        var stored = Assert.Single(storedDeals.Values).Deal;
        Assert.Equal(["wire", "portal"], stored.Sources.Select(s => s.FeedId));
        Assert.Equal(["https://wire.example.com/a", "https://portal.example.org/markets/b?id=9"], stored.Sources.Select(s => s.Url));
        Assert.Single(queued);

        // The second URL now points at the first deal too: an edit of that copy revises the same deal.
        var edited = await processor.ProcessAsync(Article("portal", "77", "https://portal.example.org/markets/b?id=9", "SoftBank (9984.T) to invest $3 billion in Arm", "Updated."), default);
        Assert.Equal(first.Id, edited!.Id);
        Assert.Equal(1, storedDeals[first.Id].Deal.Revision);
    }

    [Fact]
    public async Task Copies_without_links_merge_by_their_text_within_the_window_only()
    {
        var processor = Processor();
        var first = await processor.ProcessAsync(Article("wire", "1", null, "SoftBank (9984.T) to invest $2.4 billion in Arm", WireText), default);
        var copy = await processor.ProcessAsync(Article("portal", "7", null, "SoftBank (9984.T) to invest $2.4 billion in Arm", WireText), default);
        clock.Advance(options.StoryWindow + TimeSpan.FromHours(1));
        var nextQuarter = await processor.ProcessAsync(Article("wire", "2", null, "SoftBank (9984.T) to invest $2.4 billion in Arm", WireText), default);

        Assert.Equal(first!.Id, copy!.Id);
        Assert.NotEqual(first.Id, nextQuarter!.Id);
        Assert.Equal(2, queued.Count); // the first copy and the new deal, not the second copy
    }

    [Fact]
    public async Task Another_source_and_a_revision_are_counted_by_kind_in_the_alerts_deals_updated_metric()
    {
        var kinds = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Telemetry.AlertsTelemetry.SourceName && instrument.Name == "alerts.deals.updated")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "kind")
                {
                    kinds.Add((string)tag.Value!);
                }
            }
        });
        listener.Start();
        var processor = Processor();
        var title = $"SoftBank (9984.T) to invest $2.4 billion in Arm, ref {Guid.NewGuid():N}"; // other tests' deals stay apart

        await processor.ProcessAsync(Article("wire", "1", "https://wire.example.com/m", title, WireText), default);
        await processor.ProcessAsync(Article("portal", "2", "https://portal.example.org/m", title, WireText), default);
        await processor.ProcessAsync(Article("portal", "2", "https://portal.example.org/m", title.Replace("$2.4", "$3", StringComparison.Ordinal), WireText), default);

        Assert.Equal(["revision", "source"], kinds.Order());
    }

    [Fact]
    public async Task A_short_generic_title_is_not_enough_to_merge_two_urls()
    {
        var processor = Processor();
        var first = await processor.ProcessAsync(Article("wire", "1", "https://wire.example.com/a", "Deals: $2 billion"), default);
        var second = await processor.ProcessAsync(Article("portal", "2", "https://portal.example.org/b", "Deals: $2 billion"), default);

        Assert.NotEqual(first!.Id, second!.Id);
        Assert.Equal(2, storedDeals.Count);
    }

    [Fact]
    public async Task The_same_text_after_the_story_window_is_a_new_deal()
    {
        var processor = Processor();
        var first = await processor.ProcessAsync(Article("wire", "1", "https://wire.example.com/q3", "SoftBank (9984.T) to invest $2.4 billion in Arm", WireText), default);
        clock.Advance(options.StoryWindow + TimeSpan.FromMinutes(1));

        var later = await processor.ProcessAsync(Article("wire", "2", "https://wire.example.com/q4", "SoftBank (9984.T) to invest $2.4 billion in Arm", WireText), default);

        Assert.NotEqual(first!.Id, later!.Id);
        Assert.Equal(2, queued.Count);
    }

    [Fact]
    public async Task A_zero_story_window_turns_merging_by_text_off()
    {
        options = new DealOptions { StoryWindow = TimeSpan.Zero };
        var processor = Processor();
        var first = await processor.ProcessAsync(Article("wire", "1", "https://wire.example.com/a", "SoftBank (9984.T) to invest $2.4 billion in Arm", WireText), default);
        var second = await processor.ProcessAsync(Article("portal", "2", "https://portal.example.org/b", "SoftBank (9984.T) to invest $2.4 billion in Arm", WireText), default);

        Assert.NotEqual(first!.Id, second!.Id);
        Assert.Equal(2, keys.Count); // the two URL keys, no text key
        storyKeys.Verify(k => k.ClaimAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsNotNull<TimeSpan?>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Losing_the_race_for_the_text_key_joins_the_winners_deal()
    {
        // Another instance claimed the text between this article's lookup and its claim.
        var winner = "0123456789abcdef0123456789abcdef";
        storyKeys.Setup(k => k.FindAsync(It.IsAny<string>(), It.IsAny<TimeSpan?>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync((string?)null);
        storyKeys.Setup(k => k.ClaimAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<TimeSpan?>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((string _, string dealId, TimeSpan? maxAge, DateTimeOffset _, CancellationToken _) => maxAge is null ? dealId : winner);

        var deal = await Processor().ProcessAsync(Article("portal", "2", "https://portal.example.org/b", "SoftBank (9984.T) to invest $2.4 billion in Arm", WireText), default);

        Assert.Equal(winner, deal!.Id);
        // The URL key was claimed for the winner's deal, after the text key.
        storyKeys.Verify(k => k.ClaimAsync(It.IsAny<string>(), winner, null, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_replay_changes_nothing_queues_nothing_and_rewrites_the_listing_copies()
    {
        var processor = Processor();
        var article = Article("wire", "1", "https://wire.example.com/a", "SoftBank (9984.T) to invest $2.4 billion in Arm", WireText);
        var first = await processor.ProcessAsync(article, default);

        var replay = await processor.ProcessAsync(article, default);

        Assert.Same(first, replay);
        Assert.Single(queued);
        deals.Verify(d => d.TryReplaceAsync(It.IsAny<Deal>(), It.IsAny<Deal>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
        deals.Verify(d => d.ReindexAsync(first!, null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task An_edit_that_changes_the_amount_is_a_revision_that_alerts_again_and_a_wording_edit_does_not()
    {
        var processor = Processor();
        var first = await processor.ProcessAsync(Article("wire", "1", "https://wire.example.com/a", "SoftBank (9984.T) to invest $2.4 billion in Arm"), default);

        var amountEdit = await processor.ProcessAsync(Article("wire", "1", "https://wire.example.com/a", "SoftBank (9984.T) to invest $3 billion in Arm"), default);
        var wordingEdit = await processor.ProcessAsync(Article("wire", "1", "https://wire.example.com/a", "SoftBank (9984.T) will invest $3 billion in Arm"), default);

        Assert.Equal((1, 1), (amountEdit!.Revision, amountEdit.AlertRevision));
        Assert.Equal((2, 1), (wordingEdit!.Revision, wordingEdit.AlertRevision));
        Assert.Equal(3_000_000_000m, Assert.Single(storedDeals[first!.Id].Deal.Amounts).Value);
        Assert.Equal(2, queued.Count);
        Assert.NotEqual(queued[0].AlertId, queued[1].AlertId);
        deals.Verify(d => d.TryReplaceAsync(It.Is<Deal>(x => x.Revision == 1), It.Is<Deal>(x => x.Revision == 0), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_deal_that_keeps_changing_under_the_merge_fails_so_the_message_is_retried()
    {
        var processor = Processor();
        var article = Article("wire", "1", "https://wire.example.com/a", "SoftBank (9984.T) to invest $2.4 billion in Arm");
        await processor.ProcessAsync(article, default);
        deals.Setup(d => d.TryReplaceAsync(It.IsAny<Deal>(), It.IsAny<Deal>(), It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => processor.ProcessAsync(article with { ItemId = "2", FeedId = "other" }, default));

        Assert.Contains("merge attempts", error.Message, StringComparison.Ordinal);
        deals.Verify(d => d.TryReplaceAsync(It.IsAny<Deal>(), It.IsAny<Deal>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Exactly(8));
    }

    private static ArticleMessage Article(string feed, string item, string? link, string title, string? summary = null) => new()
    {
        FeedId = feed,
        ItemId = item,
        Link = link,
        Title = title,
        Summary = summary,
        Language = "en",
    };

    private static Subscription Subscription(string id, params string[] tickers) => new()
    {
        Id = id,
        Channel = SubscriptionChannel.Webhook,
        Target = "https://hooks.example.com/" + id,
        Tickers = tickers,
        Created = Now,
    };
}
