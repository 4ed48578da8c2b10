using System.Text.Json;
using Alerts.Core;
using Alerts.Core.Deals;
using Alerts.Core.Extraction;
using Alerts.Core.Feeds;
using Alerts.Core.Storage;
using Alerts.IntegrationTests.Infrastructure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Alerts.IntegrationTests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableAndQueueAdapterTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private IHost host = null!;

    public async Task InitializeAsync() => host = await azurite.StartCoreHostAsync();

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    [Fact]
    public async Task Deal_store_adds_a_deal_once_and_reads_it_back()
    {
        var store = host.Services.GetRequiredService<IDealStore>();
        var deal = TestData.Deal(tickers: "9984.T");

        Assert.True(await store.AddIfAbsentAsync(deal, default));
        Assert.False(await store.AddIfAbsentAsync(deal with { Title = "changed" }, default));

        var stored = await store.GetAsync(deal.Id, default);
        Assert.NotNull(stored);
        Assert.Equal("Test deal", stored.Title);
        Assert.Equal(1_000_000m, Assert.Single(stored.Amounts).Value);
        Assert.Equal("XTKS", Assert.Single(stored.Tickers).Exchange);
    }

    [Fact]
    public async Task Deal_store_lists_deals_naming_a_ticker_in_any_notation()
    {
        var store = host.Services.GetRequiredService<IDealStore>();
        var symbol = "Z" + Random.Shared.Next(1000, 9999);
        var matching = TestData.Deal(tickers: symbol + ".O");
        await store.AddIfAbsentAsync(matching, default);
        await store.AddIfAbsentAsync(TestData.Deal(tickers: "VOD.L"), default);

        var found = await store.ListPageAsync(new DealFilter(TickerNormalizer.TryNormalize("NASDAQ:" + symbol)), null, 10, default);

        Assert.Equal(matching.Id, Assert.Single(found.Items).Id);
        Assert.Null(found.After);
    }

    [Fact]
    public async Task Feed_item_store_remembers_seen_items_per_feed_with_their_hash_and_time()
    {
        var store = host.Services.GetRequiredService<IFeedItemStore>();
        var feedA = TestData.NewId();
        var feedB = TestData.NewId();
        var seen = new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
        Assert.Empty(await store.LoadAsync(feedA, default));

        // More than one batch (100 rows per entity group transaction).
        var items = Enumerable.Range(0, 150).Select(i => new SeenItem(StableId.From("guid-" + i), "hash-" + i, seen)).ToList();
        await store.SaveAsync(feedA, items, default);

        var loaded = await store.LoadAsync(feedA, default);
        Assert.Equal(150, loaded.Count);
        Assert.Equal(items[42], loaded[items[42].Key]);
        Assert.Empty(await store.LoadAsync(feedB, default));
    }

    [Fact]
    public async Task Feed_item_store_replaces_a_revised_item_and_forgets_expired_ones()
    {
        var store = host.Services.GetRequiredService<IFeedItemStore>();
        var feed = TestData.NewId();
        var seen = new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
        var (kept, revised, expired) = (new SeenItem("k1", "h1", seen), new SeenItem("k2", "h2", seen), new SeenItem("k3", "h3", seen));
        await store.SaveAsync(feed, [kept, revised, expired], default);

        await store.SaveAsync(feed, [revised with { ContentHash = "h2-edited", LastSeen = seen.AddHours(1) }], default);
        await store.ForgetAsync(feed, [expired.Key], default);

        var loaded = await store.LoadAsync(feed, default);
        Assert.Equal(["k1", "k2"], loaded.Keys.Order());
        Assert.Equal(kept, loaded["k1"]);
        Assert.Equal(("h2-edited", seen.AddHours(1)), (loaded["k2"].ContentHash, loaded["k2"].LastSeen));
    }

    [Fact]
    public async Task Feed_item_rows_without_columns_from_earlier_versions_load_as_seen_and_never_expiring()
    {
        var store = host.Services.GetRequiredService<IFeedItemStore>();
        var feed = TestData.NewId();
        var key = StableId.From("guid-from-an-earlier-version");
        var table = new TableClient(azurite.ConnectionString, StorageNames.FeedItemsTable);
        await table.UpsertEntityAsync(new TableEntity(feed, key)); // what those versions wrote: the keys only

        var loaded = await store.LoadAsync(feed, default);

        Assert.Equal(new SeenItem(key, string.Empty, DateTimeOffset.MaxValue), Assert.Single(loaded).Value);
    }

    [Fact]
    public async Task Subscription_store_creates_reads_and_deletes()
    {
        var store = host.Services.GetRequiredService<ISubscriptionStore>();
        var subscription = TestData.WebhookSubscription("http://127.0.0.1:9/hook", "GOOGL.O");

        await store.AddAsync(subscription, default);
        Assert.Equal(["GOOGL.O"], (await store.GetAsync(subscription.Id, default))!.Tickers);
        Assert.True(await store.DeleteAsync(subscription.Id, default));

        Assert.Null(await store.GetAsync(subscription.Id, default));
        Assert.False(await store.DeleteAsync(subscription.Id, default));
    }

    [Fact]
    public async Task Queue_messages_are_base64_json_as_queue_triggers_expect()
    {
        var queue = host.Services.GetRequiredService<IMessageQueue>();
        var message = new FeedFetchMessage(TestData.NewId());

        await queue.SendAsync(StorageNames.FeedsQueue, message, default);

        // Read with a client that does NOT decode, as the Functions host sees the raw message.
        var raw = new QueueClient(azurite.ConnectionString, StorageNames.FeedsQueue);
        var found = false;
        foreach (var peeked in (await raw.PeekMessagesAsync(32)).Value)
        {
            var json = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(peeked.Body.ToString()));
            var sent = JsonSerializer.Deserialize<FeedFetchMessage>(json, AlertsJson.Options)!;
            found |= sent.FeedId == message.FeedId && sent.EnqueuedAt is not null;
        }

        Assert.True(found, "The message was not found as base64 JSON on the feeds queue.");
    }
}
