using System.Net;
using System.Text.Json;
using Alerts.IntegrationTests.Infrastructure;

namespace Alerts.IntegrationTests.EndToEnd;

/// <summary>
/// Through the local host: a feed on loopback -> PollFeeds/FetchFeed -> ExtractDeals -> DeliverAlerts ->
/// a webhook receiver and a real SMTP server, both on loopback.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class PipelineEndToEndTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_feed_item_naming_9984_T_reaches_a_webhook_and_an_email_subscriber_in_one_trace()
    {
        var activities = new System.Collections.Concurrent.ConcurrentQueue<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == Core.Telemetry.AlertsTelemetry.SourceName,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        await using var feedServer = await LoopbackHttpServer.StartAsync();
        await using var webhook = await LoopbackHttpServer.StartAsync();
        using var smtp = SmtpTestServer.Start();
        var guid = "e2e-" + TestData.NewId();
        var feedUrl = feedServer.Serve("/wire.xml", "application/rss+xml", TestData.RssWithOneItem(
            guid,
            "SoftBank (9984.T) may invest up to 30 milliards de dollars in AI",
            "Le groupe SoftBank (9984.T) pourrait investir jusqu'à 30 milliards de dollars ; Alphabet (GOOGL.O) est cité."));
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Alerts:Smtp:Host"] = "127.0.0.1",
            ["Alerts:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Alerts:Smtp:Security"] = "None",
            ["Alerts:PollSchedule"] = "*/5 * * * * *",
        });

        var hook = await host.PostAsync("api/subscriptions", new { channel = "webhook", target = new Uri(webhook.BaseAddress, "/hooks/deals").AbsoluteUri, tickers = new[] { "9984.T" } });
        var mail = await host.PostAsync("api/subscriptions", new { channel = "email", target = "desk@example.com", tickers = new[] { "9984.T" } });
        Assert.Equal(HttpStatusCode.Created, hook.StatusCode);
        Assert.Equal(HttpStatusCode.Created, mail.StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await host.PostAsync("api/feeds", new { url = feedUrl.AbsoluteUri })).StatusCode);

        var received = await Eventually.ReturnsAsync(
            () => Task.FromResult(webhook.Requests.FirstOrDefault(r => r.Method == "POST" && r.Body.Contains(guid, StringComparison.Ordinal))),
            "the webhook alert");
        var email = await Eventually.ReturnsAsync(
            () => Task.FromResult(smtp.Messages.FirstOrDefault(m => m.TextBody?.Contains("9984.T", StringComparison.Ordinal) == true)),
            "the e-mail alert");

        using var payload = JsonDocument.Parse(received.Body);
        var deal = payload.RootElement.GetProperty("deal");
        Assert.Equal("deal.matched", payload.RootElement.GetProperty("type").GetString());
        Assert.Contains("9984.T", deal.GetProperty("tickers").EnumerateArray().Select(t => t.GetString()));
        Assert.Contains(deal.GetProperty("amounts").EnumerateArray(), a => a.GetProperty("value").GetDecimal() == 30_000_000_000m && a.GetProperty("currency").GetString() == "USD");
        Assert.Equal("application/json", received.Headers["Content-Type"].Split(';')[0]);

        Assert.Equal("desk@example.com", email.To.Mailboxes.Single().Address);
        Assert.Contains("USD 30,000,000,000", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("9984.T", email.HtmlBody, StringComparison.Ordinal);

        var deals = await host.Admin.GetStringAsync("api/deals?ticker=9984.T&limit=10");
        Assert.Contains(guid, deals, StringComparison.Ordinal);

        // One trace from the fetch of the feed to both deliveries, carried through the queues.
        await Eventually.TrueAsync(() => activities.Count(a => a.OperationName == "DeliverAlerts") >= 2, "the delivery activities");
        var traces = activities.GroupBy(a => a.TraceId).Select(g => g.Select(a => a.OperationName).ToList());
        Assert.Contains(traces, names => names.Contains("FetchFeed") && names.Contains("ExtractDeals") && names.Count(n => n == "DeliverAlerts") >= 2);
    }

    [Fact]
    public async Task The_readme_flow_the_sample_deal_reaches_a_subscription_created_after_it()
    {
        await using var webhook = await LoopbackHttpServer.StartAsync();
        await using var host = await RunningLocalHost.StartAsync(
            azurite.ConnectionString,
            new Dictionary<string, string?> { ["Alerts:SubscriptionBackfill"] = "01:00:00" },
            sample: true);

        // The sample feed is registered and fetched at start-up: its deal appears without any request.
        await Eventually.TrueAsync(
            async () => (await host.Admin.GetStringAsync("api/deals?ticker=9984.T&limit=500")).Contains("alerts-sample-softbank-ai-0001", StringComparison.Ordinal),
            "the sample deal");
        var created = await host.PostAsync("api/subscriptions", new { channel = "webhook", target = new Uri(webhook.BaseAddress, "/alerts").AbsoluteUri, tickers = new[] { "9984.T" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var received = await Eventually.ReturnsAsync(
            () => Task.FromResult(webhook.Requests.FirstOrDefault(r => r.Body.Contains("SoftBank weighs up to $30 billion", StringComparison.Ordinal))),
            "the sample alert");
        using var payload = JsonDocument.Parse(received.Body);
        Assert.Equal(["9984.T", "GOOGL.O"], payload.RootElement.GetProperty("deal").GetProperty("tickers").EnumerateArray().Select(t => t.GetString()));
    }
}
