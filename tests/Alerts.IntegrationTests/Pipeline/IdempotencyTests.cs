using System.Text.Json;
using Alerts.Core;
using Alerts.Core.Deals;
using Alerts.Core.Extraction;
using Alerts.Core.Storage;
using Alerts.IntegrationTests.Infrastructure;
using Azure.Storage.Queues;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Alerts.IntegrationTests.Pipeline;

[Collection(AzuriteCollection.Name)]
public sealed class IdempotencyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private IHost host = null!;

    public async Task InitializeAsync() => host = await azurite.StartCoreHostAsync();

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    [Fact]
    public async Task The_same_article_twice_gives_one_deal_and_one_alert_per_subscription()
    {
        var subscriptions = host.Services.GetRequiredService<ISubscriptionStore>();
        var first = TestData.WebhookSubscription("http://127.0.0.1:9/a", "9984.T");
        var second = TestData.WebhookSubscription("http://127.0.0.1:9/b", "TYO:9984");
        var unrelated = TestData.WebhookSubscription("http://127.0.0.1:9/c", "VOD.L");
        foreach (var s in new[] { first, second, unrelated })
        {
            await subscriptions.AddAsync(s, default);
        }

        var processor = host.Services.GetRequiredService<DealProcessor>();
        var article = TestData.SoftBankArticle();

        var deal1 = await processor.ProcessAsync(article, default);
        var deal2 = await processor.ProcessAsync(article, default);

        Assert.NotNull(deal1);
        Assert.Equal(deal1.Id, deal2!.Id);
        var deals = await host.Services.GetRequiredService<IDealStore>().ListPageAsync(new DealFilter(TickerNormalizer.TryNormalize("9984.T")), null, 500, default);
        Assert.Single(deals.Items, d => d.ItemId == article.ItemId);

        // Other tests' subscriptions share this Azurite: count the alerts of this test's subscriptions.
        var mine = new[] { first.Id, second.Id, unrelated.Id };
        var alerts = (await AlertsForDealAsync(deal1.Id)).Where(a => mine.Contains(a.SubscriptionId)).ToList();
        Assert.Equal(2, alerts.Count);
        Assert.Equal(
            new[] { first.Id, second.Id }.Order(),
            alerts.Select(a => a.SubscriptionId).Order());
    }

    private async Task<List<AlertMessage>> AlertsForDealAsync(string dealId)
    {
        var queue = new QueueClient(azurite.ConnectionString, StorageNames.AlertsQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var all = new List<AlertMessage>();
        // Receive (not peek: peek shows at most 32) with a short lease, then let them reappear untouched.
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value;
            if (batch.Length == 0)
            {
                break;
            }

            all.AddRange(batch.Select(m => JsonSerializer.Deserialize<AlertMessage>(m.Body.ToString(), AlertsJson.Options)!));
        }

        return all.Where(a => a.DealId == dealId).ToList();
    }
}
