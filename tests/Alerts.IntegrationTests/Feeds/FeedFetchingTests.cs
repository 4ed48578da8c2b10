using System.Diagnostics;
using System.Text.Json;
using Alerts.Core;
using Alerts.Core.Deals;
using Alerts.Core.Extraction;
using Alerts.Core.Feeds;
using Alerts.Core.Storage;
using Alerts.IntegrationTests.Infrastructure;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Alerts.IntegrationTests.Feeds;

/// <summary>FeedFetcher against loopback feed servers, with its real HTTP client (SSRF guard, resilience) and Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FeedFetchingTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private IHost host = null!;
    private LoopbackHttpServer server = null!;

    private IFeedStore Feeds => host.Services.GetRequiredService<IFeedStore>();

    private FeedFetcher Fetcher => host.Services.GetRequiredService<FeedFetcher>();

    public async Task InitializeAsync()
    {
        host = await azurite.StartCoreHostAsync();
        server = await LoopbackHttpServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        await host.StopAsync();
        host.Dispose();
    }

    [Fact]
    public async Task Conditional_get_sends_the_stored_validators_and_a_304_queues_nothing()
    {
        var guid = "cond-" + TestData.NewId();
        var url = server.ServeWithValidators("/cond.xml", "application/rss+xml", TestData.RssWithOneItem(guid, "SoftBank $2 billion", "d"), "\"v1\"", new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero));
        var feed = await AddFeedAsync(url);

        Assert.Equal(1, await Fetcher.FetchAsync(feed.Id, default));
        var afterFirst = await Feeds.GetAsync(feed.Id, default);
        Assert.Equal("\"v1\"", afterFirst!.ETag);
        Assert.Equal("Tue, 24 Nov 2026 10:00:00 GMT", afterFirst.LastModified);

        await MakeDueAsync(feed.Id);
        Assert.Equal(0, await Fetcher.FetchAsync(feed.Id, default));

        var second = server.RequestsTo("/cond.xml")[1];
        Assert.Equal("\"v1\"", second.Headers["If-None-Match"]);
        Assert.Equal("Tue, 24 Nov 2026 10:00:00 GMT", second.Headers["If-Modified-Since"]);
        Assert.StartsWith("Alerts/", second.Headers["User-Agent"], StringComparison.Ordinal);
        Assert.Contains("br", second.Headers["Accept-Encoding"], StringComparison.Ordinal);
        var afterSecond = await Feeds.GetAsync(feed.Id, default);
        Assert.Equal(0, afterSecond!.ConsecutiveFailures);
        Assert.Null(afterSecond.LastError);
        Assert.True(afterSecond.NextPoll > afterSecond.LastPolled);
    }

    [Fact]
    public async Task Retry_after_on_a_503_is_honoured_without_retrying_at_once()
    {
        var url = server.Handle("/busy.xml", context =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "7200";
            return Task.CompletedTask;
        });
        var feed = await AddFeedAsync(url);
        var before = DateTimeOffset.UtcNow;

        Assert.Equal(0, await Fetcher.FetchAsync(feed.Id, default));

        var stored = await Feeds.GetAsync(feed.Id, default);
        Assert.Single(server.RequestsTo("/busy.xml"));
        Assert.Equal(1, stored!.ConsecutiveFailures);
        Assert.StartsWith("HTTP 503", stored.LastError, StringComparison.Ordinal);
        Assert.True(stored.NextPoll >= before.AddHours(2), $"next poll {stored.NextPoll} should be two hours after {before}");
        Assert.DoesNotContain(feed.Id, await DueIdsAsync(DateTimeOffset.UtcNow));
    }

    [Fact]
    public async Task Cache_control_max_age_lengthens_the_interval()
    {
        var url = server.Handle("/cached.xml", async context =>
        {
            context.Response.Headers.CacheControl = "public, max-age=10800";
            context.Response.ContentType = "application/rss+xml";
            await context.Response.WriteAsync(TestData.RssWithOneItem("cached-" + TestData.NewId(), "t", "d"));
        });
        var feed = await AddFeedAsync(url);
        var before = DateTimeOffset.UtcNow;

        await Fetcher.FetchAsync(feed.Id, default);

        Assert.True((await Feeds.GetAsync(feed.Id, default))!.NextPoll >= before.AddHours(3));
    }

    [Fact]
    public async Task A_loopback_url_is_refused_at_connect_time_when_loopback_is_not_allowed()
    {
        var strictHost = await azurite.StartCoreHostAsync(new Dictionary<string, string?> { ["Alerts:AllowLoopback"] = "false" });
        try
        {
            var url = server.Serve("/ssrf.xml", "application/rss+xml", TestData.RssWithOneItem("ssrf", "t", "d"));

            // Stored directly: registration refuses it too, and the connect-time check must hold on its own.
            var feed = await AddFeedAsync(url, strictHost.Services.GetRequiredService<IFeedStore>());
            var queued = await strictHost.Services.GetRequiredService<FeedFetcher>().FetchAsync(feed.Id, default);

            Assert.Equal(0, queued);
            Assert.Empty(server.RequestsTo("/ssrf.xml"));
            var stored = await Feeds.GetAsync(feed.Id, default);
            Assert.Contains("loopback", stored!.LastError, StringComparison.Ordinal);
        }
        finally
        {
            await strictHost.StopAsync();
            strictHost.Dispose();
        }
    }

    [Theory]
    [InlineData("http://10.20.30.40/feed.xml", "private")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "metadata")]
    [InlineData("http://[::ffff:192.168.1.1]/feed.xml", "private")]
    public async Task A_redirect_to_a_private_or_metadata_address_is_refused(string target, string reason)
    {
        var path = "/redirect-" + TestData.NewId();
        var url = server.Handle(path, context =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = target;
            return Task.CompletedTask;
        });
        var feed = await AddFeedAsync(url);
        var watch = Stopwatch.StartNew();

        Assert.Equal(0, await Fetcher.FetchAsync(feed.Id, default));

        var stored = await Feeds.GetAsync(feed.Id, default);
        Assert.Contains(reason, stored!.LastError, StringComparison.Ordinal);
        Assert.Equal(1, stored.ConsecutiveFailures);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), "refused at once, not after a timeout");
    }

    [Fact]
    public async Task At_most_five_redirects_are_followed()
    {
        var prefix = "/hop-" + TestData.NewId() + "-";
        for (var i = 0; i < 10; i++)
        {
            var next = $"{prefix}{i + 1}";
            server.Handle(prefix + i, context =>
            {
                context.Response.StatusCode = StatusCodes.Status302Found;
                context.Response.Headers.Location = next;
                return Task.CompletedTask;
            });
        }

        var feed = await AddFeedAsync(new Uri(server.BaseAddress, prefix + 0));

        Assert.Equal(0, await Fetcher.FetchAsync(feed.Id, default));

        // The first request plus five redirects; the sixth Location is not followed (3xx is then a failure).
        Assert.Equal(6, server.Requests.Count(r => r.Path.StartsWith(prefix, StringComparison.Ordinal)));
        Assert.NotNull((await Feeds.GetAsync(feed.Id, default))!.LastError);
    }

    [Fact]
    public async Task The_billion_laughs_document_is_refused_fast_with_little_memory_and_nothing_is_queued()
    {
        var url = server.Serve("/lol.xml", "application/rss+xml", BillionLaughs);
        var feed = await AddFeedAsync(url);
        var watch = Stopwatch.StartNew();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);

        var queued = await Fetcher.FetchAsync(feed.Id, default);

        var used = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        Assert.Equal(0, queued);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.True(used < 64 * 1024 * 1024, $"allocated {used:N0} bytes");
        var stored = await Feeds.GetAsync(feed.Id, default);
        Assert.Equal(1, stored!.ConsecutiveFailures);
        Assert.False(string.IsNullOrEmpty(stored.LastError));
        Assert.Empty(await host.Services.GetRequiredService<IFeedItemStore>().LoadAsync(feed.Id, default));
    }

    [Fact]
    public async Task The_timers_query_returns_due_enabled_feeds_only()
    {
        var now = DateTimeOffset.UtcNow;
        var due = await AddFeedAsync(new Uri(server.BaseAddress, "/due-" + TestData.NewId()), next: now.AddMinutes(-1));
        var fresh = await AddFeedAsync(new Uri(server.BaseAddress, "/new-" + TestData.NewId()));
        var later = await AddFeedAsync(new Uri(server.BaseAddress, "/later-" + TestData.NewId()), next: now.AddHours(1));
        var disabled = await AddFeedAsync(new Uri(server.BaseAddress, "/off-" + TestData.NewId()), next: now.AddMinutes(-1), enabled: false);

        var ids = await DueIdsAsync(now);

        Assert.Contains(due.Id, ids);
        Assert.Contains(fresh.Id, ids);
        Assert.DoesNotContain(later.Id, ids);
        Assert.DoesNotContain(disabled.Id, ids);
    }

    [Fact]
    public async Task The_same_story_in_two_feeds_gives_one_deal_with_both_sources_and_one_alert()
    {
        var story = "http://example.test/news/" + TestData.NewId();
        const string Title = "SoftBank (9984.T) weighs $2.4 billion stake in chip designer";
        var feedA = await AddFeedAsync(server.Serve($"/a-{TestData.NewId()}.xml", "application/rss+xml", Rss("a-" + TestData.NewId(), Title, story + "?utm_source=rss")));
        var feedB = await AddFeedAsync(server.Serve($"/b-{TestData.NewId()}.xml", "application/rss+xml", Rss("b-" + TestData.NewId(), Title, story + "#top")));
        var subscription = TestData.WebhookSubscription("http://127.0.0.1:9/story", "9984.T");
        await host.Services.GetRequiredService<ISubscriptionStore>().AddAsync(subscription, default);

        Assert.Equal(1, await Fetcher.FetchAsync(feedA.Id, default));
        Assert.Equal(1, await Fetcher.FetchAsync(feedB.Id, default));
        var articles = await TakeArticlesAsync(feedA.Id, feedB.Id);
        var processor = host.Services.GetRequiredService<DealProcessor>();
        var deals = await Task.WhenAll(articles.Select(a => processor.ProcessAsync(a, default))); // concurrently: they race on one row

        Assert.Equal(2, articles.Count);
        var dealId = Assert.Single(deals.Select(d => d!.Id).Distinct());
        var stored = await host.Services.GetRequiredService<IDealStore>().GetAsync(dealId, default);
        Assert.Equal(new[] { feedA.Id, feedB.Id }.Order(), stored!.Sources.Select(s => s.FeedId).Order());
        var alerts = await AlertIdsForAsync(dealId, subscription.Id);
        Assert.Single(alerts.Distinct());
    }

    [Fact]
    public async Task The_same_wire_story_under_two_sites_urls_gives_one_deal_with_both_sources_and_one_alert()
    {
        // Different hosts and paths: only the text (formatting aside) says it is one story.
        var reference = TestData.NewId();
        const string Summary = "Arm Holdings ARM.O said on Tuesday it would pay $3.1 billion in cash for the sensor maker.";
        var feedA = await AddFeedAsync(server.Serve($"/wire-{reference}.xml", "application/rss+xml",
            RssItem("w-" + reference, $"Arm Holdings (ARM.O) agrees $3.1 billion deal, ref {reference}", $"http://wire.example.test/a/{reference}", Summary)));
        var feedB = await AddFeedAsync(server.Serve($"/portal-{reference}.xml", "application/rss+xml",
            RssItem("p-" + reference, $"ARM HOLDINGS (ARM.O) AGREES $3.1 BILLION DEAL - REF {reference}", $"http://portal.example.test/markets/story?id={reference}", "<p>" + Summary + "</p>")));
        var subscription = TestData.WebhookSubscription("http://127.0.0.1:9/story", "ARM.O");
        await host.Services.GetRequiredService<ISubscriptionStore>().AddAsync(subscription, default);

        Assert.Equal(1, await Fetcher.FetchAsync(feedA.Id, default));
        Assert.Equal(1, await Fetcher.FetchAsync(feedB.Id, default));
        var articles = await TakeArticlesAsync(feedA.Id, feedB.Id);
        var processor = host.Services.GetRequiredService<DealProcessor>();
        var deals = await Task.WhenAll(articles.Select(a => processor.ProcessAsync(a, default))); // concurrently: they race for the story key

        var dealId = Assert.Single(deals.Select(d => d!.Id).Distinct());
        var stored = await host.Services.GetRequiredService<IDealStore>().GetAsync(dealId, default);
        Assert.Equal(new[] { feedA.Id, feedB.Id }.Order(), stored!.Sources.Select(s => s.FeedId).Order());
        Assert.Equal(2, stored.Sources.Select(s => s.Url).Distinct().Count());
        Assert.Single((await AlertIdsForAsync(dealId, subscription.Id)).Distinct());
    }

    [Fact]
    public async Task An_edited_item_revises_its_deal_and_alerts_again_only_when_the_amount_changes()
    {
        var reference = TestData.NewId();
        var path = $"/edits-{reference}.xml";
        var link = $"http://wire.example.test/edits/{reference}";
        var feed = await AddFeedAsync(server.Serve(path, "application/rss+xml", RssItem(reference, $"Vodafone (VOD.L) to sell towers for $2 billion, ref {reference}", link, "First report.")));
        var subscription = TestData.WebhookSubscription("http://127.0.0.1:9/edits", "VOD.L");
        await host.Services.GetRequiredService<ISubscriptionStore>().AddAsync(subscription, default);
        var processor = host.Services.GetRequiredService<DealProcessor>();
        var store = host.Services.GetRequiredService<IDealStore>();

        async Task<Deal> PollAsync(string title)
        {
            server.Serve(path, "application/rss+xml", RssItem(reference, title, link, "First report."));
            await MakeDueAsync(feed.Id);
            Assert.Equal(1, await Fetcher.FetchAsync(feed.Id, default)); // the edit is queued again
            var article = Assert.Single(await TakeArticlesAsync(feed.Id));
            return (await processor.ProcessAsync(article, default))!;
        }

        Assert.Equal(1, await Fetcher.FetchAsync(feed.Id, default));
        var original = (await processor.ProcessAsync(Assert.Single(await TakeArticlesAsync(feed.Id)), default))!;
        var amountEdit = await PollAsync($"Vodafone (VOD.L) to sell towers for $2.5 billion, ref {reference}");
        var wordingEdit = await PollAsync($"Vodafone (VOD.L) agrees to sell towers for $2.5 billion, ref {reference}");

        Assert.Equal(original.Id, amountEdit.Id);
        Assert.Equal(original.Id, wordingEdit.Id);
        var stored = (await store.GetAsync(original.Id, default))!;
        Assert.Equal((2, 1), (stored.Revision, stored.AlertRevision));
        Assert.Equal(2_500_000_000m, Assert.Single(stored.Amounts).Value);
        Assert.Equal(2, (await AlertIdsForAsync(original.Id, subscription.Id)).Distinct().Count()); // first report + amount edit

        // The listing copies follow the revisions: the ticker's page shows the current amount.
        var listed = (await store.ListPageAsync(new DealFilter(TickerNormalizer.TryNormalize("VOD.L")), null, 100, default)).Items.Single(d => d.Id == original.Id);
        Assert.Equal((2, 2_500_000_000m), (listed.Revision, Assert.Single(listed.Amounts).Value));
    }

    private static string RssItem(string guid, string title, string link, string description) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Wire</title><link>http://example.test/</link>
        <item><title>{System.Security.SecurityElement.Escape(title)}</title><link>{System.Security.SecurityElement.Escape(link)}</link><guid isPermaLink="false">{guid}</guid>
        <description>{System.Security.SecurityElement.Escape(description)}</description></item>
        </channel></rss>
        """;

    private static string Rss(string guid, string title, string link) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Wire</title><link>http://example.test/</link>
        <item><title>{title}</title><link>{System.Security.SecurityElement.Escape(link)}</link><guid isPermaLink="false">{guid}</guid>
        <description>SoftBank Group 9984.T may invest $2.4 billion.</description></item>
        </channel></rss>
        """;

    private const string BillionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        <rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><guid>lol</guid></item></channel></rss>
        """;

    private async Task<FeedRegistration> AddFeedAsync(Uri url, IFeedStore? store = null, DateTimeOffset? next = null, bool enabled = true)
    {
        var feed = new FeedRegistration { Id = TestData.NewId(), Url = url, Created = DateTimeOffset.UtcNow.AddMinutes(-1), NextPoll = next, Enabled = enabled };
        await (store ?? Feeds).AddIfAbsentAsync(feed, default);
        return feed;
    }

    private async Task<List<string>> DueIdsAsync(DateTimeOffset now)
    {
        var ids = new List<string>();
        await foreach (var id in Feeds.ListDueAsync(now, default))
        {
            ids.Add(id);
        }

        return ids;
    }

    private Task MakeDueAsync(string feedId) =>
        Feeds.UpdateAsync(feedId, f => f with { NextPoll = DateTimeOffset.UtcNow.AddSeconds(-1) }, default);

    private async Task<List<ArticleMessage>> TakeArticlesAsync(params string[] feedIds)
    {
        var queue = Queue(StorageNames.ArticlesQueue);
        var mine = new List<ArticleMessage>();
        await Eventually.TrueAsync(
            async () =>
            {
                foreach (var message in (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value)
                {
                    var article = JsonSerializer.Deserialize<ArticleMessage>(message.Body.ToString(), AlertsJson.Options)!;
                    if (feedIds.Contains(article.FeedId))
                    {
                        mine.Add(article);
                        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                    }
                }

                return mine.Count >= feedIds.Length;
            },
            "the articles of both feeds");
        return mine;
    }

    private async Task<List<string>> AlertIdsForAsync(string dealId, string subscriptionId)
    {
        var queue = Queue(StorageNames.AlertsQueue);
        var ids = new List<string>();
        while ((await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value is { Length: > 0 } batch)
        {
            ids.AddRange(batch
                .Select(m => JsonSerializer.Deserialize<AlertMessage>(m.Body.ToString(), AlertsJson.Options)!)
                .Where(a => a.DealId == dealId && a.SubscriptionId == subscriptionId)
                .Select(a => a.AlertId));
        }

        return ids;
    }

    private QueueClient Queue(string name) =>
        new(azurite.ConnectionString, name, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
}
