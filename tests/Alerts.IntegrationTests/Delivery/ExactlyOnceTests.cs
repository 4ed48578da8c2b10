using System.Globalization;
using Alerts.Core;
using Alerts.Core.Delivery;
using Alerts.Core.Feeds;
using Alerts.Core.Storage;
using Alerts.Core.Subscriptions;
using Alerts.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Alerts.IntegrationTests.Delivery;

/// <summary>Queues deliver at least once; every stage is idempotent, so the effect happens once.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ExactlyOnceTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Replaying_every_message_of_every_queue_twice_gives_one_deal_one_accepted_webhook_and_one_mail()
    {
        await using var feedServer = await LoopbackHttpServer.StartAsync();
        await using var receiver = await LoopbackHttpServer.StartAsync();
        using var smtp = SmtpTestServer.Start();
        var queue = new RecordingQueue();
        using var host = await StartHostAsync(smtp, queue);
        var keyword = "kw" + TestData.NewId();
        var guid = "once-" + TestData.NewId();
        var feedUrl = feedServer.Serve("/wire.xml", "application/rss+xml", TestData.RssWithOneItem(guid, $"Acme Robotics weighs $2.4 billion stake ({keyword})", "Acme Robotics may invest $2.4 billion."));
        var subscriptions = host.Services.GetRequiredService<SubscriptionService>();
        var hook = await subscriptions.CreateAsync(new CreateSubscriptionRequest("webhook", new Uri(receiver.BaseAddress, "/hook").AbsoluteUri, null, [keyword]), default);
        var mail = await subscriptions.CreateAsync(new CreateSubscriptionRequest("email", "desk@example.com", null, [keyword]), default);
        Assert.Equal(201, (await host.Services.GetRequiredService<FeedRegistry>().RegisterAsync(new RegisterFeedRequest(feedUrl.AbsoluteUri), default)).Status);

        await queue.DrainAsync(host.Services);
        Assert.Single(receiver.Requests, r => r.Method == "POST");
        Assert.Single(smtp.Messages);
        var everything = queue.Sent.ToList();
        Assert.Equal([StorageNames.AlertsQueue, StorageNames.ArticlesQueue, StorageNames.FeedsQueue], everything.Select(m => m.Queue).Distinct().Order());

        for (var replay = 0; replay < 2; replay++)
        {
            foreach (var message in everything)
            {
                await RecordingQueue.ProcessAsync(host.Services, message);
            }
        }

        await queue.DrainAsync(host.Services);
        Assert.Single(receiver.Requests, r => r.Method == "POST");
        Assert.Single(smtp.Messages);
        var deals = await host.Services.GetRequiredService<IDealStore>().ListPageAsync(new DealFilter(), null, 500, default);
        Assert.Single(deals.Items, d => d.Title.Contains(keyword, StringComparison.Ordinal));
        var deliveries = host.Services.GetRequiredService<IDeliveryStore>();
        Assert.All(
            [.. await deliveries.ListAsync(hook.Value!.Id, default), .. await deliveries.ListAsync(mail.Value!.Id, default)],
            r => Assert.Equal((DeliveryStatus.Delivered, 1), (r.Status, r.Attempts)));
    }

    [Fact]
    public async Task Hourly_and_daily_subscribers_get_one_digest_per_period_with_its_deals()
    {
        using var smtp = SmtpTestServer.Start();
        var queue = new RecordingQueue();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 10, 10, 0, TimeSpan.Zero));
        using var host = await StartHostAsync(smtp, queue, clock);
        var keyword = "kw" + TestData.NewId();
        var subscriptions = host.Services.GetRequiredService<SubscriptionService>();
        var hourly = (await subscriptions.CreateAsync(new CreateSubscriptionRequest("email", "hourly@example.com", null, [keyword]) { Mode = "hourly" }, default)).Value!;
        var daily = (await subscriptions.CreateAsync(new CreateSubscriptionRequest("email", "daily@example.com", null, [keyword]) { Mode = "daily" }, default)).Value!;
        var first = DeliveryTestKit.UniqueDeal(keyword, $"First deal ({keyword})");
        var second = DeliveryTestKit.UniqueDeal(keyword, $"Second deal ({keyword})");
        foreach (var deal in new[] { first, second })
        {
            await host.Services.GetRequiredService<IDealStore>().AddIfAbsentAsync(deal, default);
            foreach (var subscription in new[] { hourly, daily })
            {
                await host.Services.GetRequiredService<Core.Deals.AlertDispatcher>().QueueAsync(deal, subscription, default);
            }
        }

        await queue.DrainAsync(host.Services);
        var digests = host.Services.GetRequiredService<DigestSender>();
        Assert.Empty(smtp.Messages);
        Assert.Equal(0, await digests.SendDueAsync(default));

        clock.Advance(TimeSpan.FromHours(1));
        await digests.SendDueAsync(default);
        var hourlyMail = Assert.Single(smtp.Messages);
        Assert.Equal("hourly@example.com", hourlyMail.To.Mailboxes.Single().Address);
        Assert.Contains(first.Title, hourlyMail.TextBody, StringComparison.Ordinal);
        Assert.Contains(second.Title, hourlyMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("2 deal", hourlyMail.Subject, StringComparison.Ordinal);
        Assert.True(hourlyMail.Headers.Contains("List-Unsubscribe"));
        Assert.Equal(0, await digests.SendDueAsync(default));

        clock.Advance(TimeSpan.FromHours(13)); // 00:10 UTC the next day: the daily period has ended.
        await digests.SendDueAsync(default);
        Assert.Equal(2, smtp.Messages.Count);
        Assert.Single(smtp.Messages, m => m.To.Mailboxes.Single().Address == "daily@example.com");
        Assert.Equal(0, await digests.SendDueAsync(default));
        Assert.All(await host.Services.GetRequiredService<IDeliveryStore>().ListAsync(daily.Id, default), r => Assert.Equal(DeliveryStatus.Delivered, r.Status));
    }

    private async Task<IHost> StartHostAsync(SmtpTestServer smtp, RecordingQueue queue, TimeProvider? clock = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Alerts:AllowLoopback"] = "true",
            ["Alerts:Unsubscribe:SigningKey"] = "integration-test-unsubscribe-signing-key",
            ["Alerts:PublicBaseUrl"] = "https://alerts.example.test",
            ["Alerts:Smtp:Host"] = "127.0.0.1",
            ["Alerts:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Alerts:Smtp:Security"] = "None",
        });
        if (clock is not null)
        {
            builder.Services.AddSingleton(clock); // before AddAlertsCore, which only adds the system clock if none is registered
        }

        builder.AddAlertsCore();
        builder.Services.AddSingleton<IMessageQueue>(queue);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
