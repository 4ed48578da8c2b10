using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alerts.Core;
using Alerts.Core.Deals;
using Alerts.Core.Storage;
using Alerts.IntegrationTests.Infrastructure;
using Azure.Storage.Queues;

namespace Alerts.IntegrationTests.Delivery;

/// <summary>Webhook delivery through the local host's DeliverAlerts function to receivers on loopback.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class WebhookDeliveryTests(AzuriteFixture azurite)
{
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Alerts:Delivery:RetryBaseDelay"] = "00:00:01",
        ["Alerts:Delivery:WebhookTimeout"] = "00:00:02",
    };

    [Fact]
    public async Task A_webhook_is_signed_per_standard_webhooks_and_carries_sources_and_what_matched()
    {
        await using var receiver = await LoopbackHttpServer.StartAsync();
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString, FastRetries);
        var keyword = "kw" + TestData.NewId();
        var (id, secret) = await DeliveryTestKit.SubscribeAsync(host, new { channel = "webhook", target = new Uri(receiver.BaseAddress, "/hook").AbsoluteUri, keywords = new[] { keyword } });
        var deal = DeliveryTestKit.UniqueDeal(keyword);

        await DeliveryTestKit.AlertAsync(host, deal, id);
        var request = await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Requests.FirstOrDefault(r => r.Method == "POST")), "the webhook");

        Assert.NotNull(secret);
        Assert.True(DeliveryTestKit.SignatureIsValid(secret, request), "the signature verifies with the subscription's secret");
        Assert.False(DeliveryTestKit.SignatureIsValid("whsec_" + Convert.ToBase64String(new byte[32]), request), "another secret does not verify");
        Assert.InRange(long.Parse(request.Headers["webhook-timestamp"], System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
        using var payload = JsonDocument.Parse(request.Body);
        var root = payload.RootElement;
        Assert.Equal("deal.matched", root.GetProperty("type").GetString());
        Assert.Equal(request.Headers["webhook-id"], root.GetProperty("id").GetString());
        Assert.Equal(id, root.GetProperty("subscription").GetProperty("id").GetString());
        Assert.Equal([deal.Link], root.GetProperty("deal").GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal([keyword], root.GetProperty("matched").GetProperty("keywords").EnumerateArray().Select(s => s.GetString()));
        Assert.Empty(root.GetProperty("matched").GetProperty("tickers").EnumerateArray());
        Assert.Empty(root.GetProperty("matched").GetProperty("watchlists").EnumerateArray());
    }

    [Fact]
    public async Task A_webhook_through_a_watchlist_names_it_lists_every_source_and_each_amount_once()
    {
        await using var receiver = await LoopbackHttpServer.StartAsync();
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString, FastRetries);
        var keyword = "kw" + TestData.NewId();
        var watchlist = "wl-" + TestData.NewId()[..12];
        (await host.Admin.PutAsJsonAsync($"api/watchlists/{watchlist}", new { keywords = new[] { keyword } })).EnsureSuccessStatusCode();
        var (id, _) = await DeliveryTestKit.SubscribeAsync(host, new { channel = "webhook", target = new Uri(receiver.BaseAddress, "/hook").AbsoluteUri, watchlists = new[] { watchlist } });
        var single = DeliveryTestKit.UniqueDeal(keyword);
        var deal = single with
        {
            Amounts = [single.Amounts[0], single.Amounts[0] with { Evidence = new Alerts.Core.Extraction.TextEvidence(60, 12, "$2.4 billion") }],
            Sources = [new DealSource(single.FeedId, single.Link) { ItemId = single.ItemId }, new DealSource(TestData.NewId(), "https://portal.example.org/copy/" + keyword)],
        };

        await DeliveryTestKit.AlertAsync(host, deal, id);
        var request = await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Requests.FirstOrDefault(r => r.Method == "POST")), "the webhook");

        using var payload = JsonDocument.Parse(request.Body);
        var root = payload.RootElement;
        Assert.Equal([watchlist], root.GetProperty("matched").GetProperty("watchlists").EnumerateArray().Select(s => s.GetString()));
        Assert.Empty(root.GetProperty("matched").GetProperty("keywords").EnumerateArray());
        Assert.Equal([deal.Link, "https://portal.example.org/copy/" + keyword], root.GetProperty("deal").GetProperty("sources").EnumerateArray().Select(s => s.GetString()));
        Assert.Single(root.GetProperty("deal").GetProperty("amounts").EnumerateArray());
    }

    [Fact]
    public async Task A_receiver_failing_twice_then_answering_200_gets_three_attempts_with_one_webhook_id()
    {
        await using var receiver = await LoopbackHttpServer.StartAsync();
        receiver.ScriptStatuses(500, 500);
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString, FastRetries);
        var keyword = "kw" + TestData.NewId();
        var (id, _) = await DeliveryTestKit.SubscribeAsync(host, new { channel = "webhook", target = new Uri(receiver.BaseAddress, "/hook").AbsoluteUri, keywords = new[] { keyword } });

        await DeliveryTestKit.AlertAsync(host, DeliveryTestKit.UniqueDeal(keyword), id);
        await Eventually.TrueAsync(
            async () => (await DeliveryTestKit.DeliveriesAsync(host, id)).Any(r => r.GetProperty("status").GetString() == "delivered"),
            "the delivered record");

        var delivered = Assert.Single(await DeliveryTestKit.DeliveriesAsync(host, id));
        Assert.Equal(3, delivered.GetProperty("attempts").GetInt32());
        Assert.Equal(200, delivered.GetProperty("lastStatusCode").GetInt32());
        var posts = receiver.Requests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(3, posts.Count);
        Assert.Single(posts.Select(p => p.Headers["webhook-id"]).Distinct());
        Assert.Single(posts.Select(p => p.Body).Distinct());
    }

    [Fact]
    public async Task A_410_Gone_disables_the_subscription_and_stops_delivery()
    {
        await using var receiver = await LoopbackHttpServer.StartAsync();
        receiver.ScriptStatuses(410);
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString, FastRetries);
        var keyword = "kw" + TestData.NewId();
        var (id, _) = await DeliveryTestKit.SubscribeAsync(host, new { channel = "webhook", target = new Uri(receiver.BaseAddress, "/hook").AbsoluteUri, keywords = new[] { keyword } });

        await DeliveryTestKit.AlertAsync(host, DeliveryTestKit.UniqueDeal(keyword), id);
        await Eventually.TrueAsync(
            async () => (await DeliveryTestKit.DeliveriesAsync(host, id)).Any(r => r.GetProperty("status").GetString() == "failed"),
            "the failed record");

        var subscription = await host.Admin.GetFromJsonAsync<JsonElement>($"api/subscriptions/{id}");
        Assert.False(subscription.GetProperty("enabled").GetBoolean());
        Assert.Contains("410", subscription.GetProperty("disabledReason").GetString(), StringComparison.Ordinal);
        Assert.Single(receiver.Requests, r => r.Method == "POST");
    }

    [Fact]
    public async Task A_hanging_receiver_times_out_and_the_alert_is_retried()
    {
        await using var receiver = await LoopbackHttpServer.StartAsync();
        receiver.ScriptStatuses(LoopbackHttpServer.Hang);
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString, new Dictionary<string, string?>(FastRetries) { ["Alerts:Delivery:WebhookTimeout"] = "00:00:01" });
        var keyword = "kw" + TestData.NewId();
        var (id, _) = await DeliveryTestKit.SubscribeAsync(host, new { channel = "webhook", target = new Uri(receiver.BaseAddress, "/hook").AbsoluteUri, keywords = new[] { keyword } });

        await DeliveryTestKit.AlertAsync(host, DeliveryTestKit.UniqueDeal(keyword), id);
        await Eventually.TrueAsync(
            async () => (await DeliveryTestKit.DeliveriesAsync(host, id)).Any(r => r.GetProperty("status").GetString() == "delivered" && r.GetProperty("attempts").GetInt32() == 2),
            "delivery on the second attempt");

        Assert.Equal(2, receiver.Requests.Count(r => r.Method == "POST"));
    }

    [Fact]
    public async Task Past_the_retry_horizon_the_alert_moves_to_alerts_poison_and_its_record_says_why()
    {
        await using var receiver = await LoopbackHttpServer.StartAsync();
        receiver.ScriptStatuses([.. Enumerable.Repeat(503, 50)]);
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString, new Dictionary<string, string?>(FastRetries) { ["Alerts:Delivery:RetryHorizon"] = "00:00:03" });
        var keyword = "kw" + TestData.NewId();
        var (id, _) = await DeliveryTestKit.SubscribeAsync(host, new { channel = "webhook", target = new Uri(receiver.BaseAddress, "/hook").AbsoluteUri, keywords = new[] { keyword } });
        var deal = DeliveryTestKit.UniqueDeal(keyword);

        await DeliveryTestKit.AlertAsync(host, deal, id);
        var failed = await Eventually.ReturnsAsync(
            async () => (await DeliveryTestKit.DeliveriesAsync(host, id)).Where(r => r.GetProperty("status").GetString() == "failed").Select(r => r.GetProperty("lastError").GetString()).FirstOrDefault(),
            "the failed record");

        Assert.Contains("retry horizon", failed, StringComparison.Ordinal);
        Assert.True(receiver.Requests.Count(r => r.Method == "POST") >= 2, "retried before giving up");
        var poison = new QueueClient(azurite.ConnectionString, StorageNames.PoisonQueueOf(StorageNames.AlertsQueue), new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var poisoned = (await poison.PeekMessagesAsync(32)).Value.Select(m => JsonSerializer.Deserialize<AlertMessage>(m.Body.ToString(), AlertsJson.Options)!);
        Assert.Contains(poisoned, m => m.DealId == deal.Id && m.SubscriptionId == id);
    }

    [Fact]
    public async Task The_secret_is_returned_on_creation_and_rotation_only()
    {
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString);
        var (id, secret) = await DeliveryTestKit.SubscribeAsync(host, new { channel = "webhook", target = "http://127.0.0.1:9/hook", keywords = new[] { "kw" + TestData.NewId() } });

        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.DoesNotContain(secret!, await host.Admin.GetStringAsync($"api/subscriptions/{id}"), StringComparison.Ordinal);
        Assert.DoesNotContain("whsec_", await host.Admin.GetStringAsync("api/subscriptions"), StringComparison.Ordinal);

        var rotated = await host.Admin.PostAsync($"api/subscriptions/{id}/rotate-secret", null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var fresh = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString();
        Assert.StartsWith("whsec_", fresh, StringComparison.Ordinal);
        Assert.NotEqual(secret, fresh);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.PostAsync($"api/subscriptions/{id}/rotate-secret", null)).StatusCode);
    }

    [Fact]
    public async Task Deliveries_of_an_unknown_subscription_are_404()
    {
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Admin.GetAsync("api/subscriptions/0123456789abcdef/deliveries")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.GetAsync("api/subscriptions/0123456789abcdef/deliveries")).StatusCode);
    }
}
