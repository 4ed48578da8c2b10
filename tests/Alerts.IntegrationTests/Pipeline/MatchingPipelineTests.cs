using Alerts.Core.Deals;
using Alerts.Core.Storage;
using Alerts.Core.Subscriptions;
using Alerts.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Alerts.IntegrationTests.Pipeline;

[Collection(AzuriteCollection.Name)]
public sealed class MatchingPipelineTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private IHost host = null!;

    public async Task InitializeAsync() => host = await azurite.StartCoreHostAsync(new Dictionary<string, string?> { ["Alerts:SubscriptionBackfill"] = "01:00:00" });

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    [Fact]
    public async Task A_deal_reaches_subscriptions_through_a_watchlist_and_the_alert_count_is_kept()
    {
        var code = "W" + TestData.NewId()[..5].ToUpperInvariant();
        var name = "pipeline-" + TestData.NewId()[..8];
        var watchlists = host.Services.GetRequiredService<WatchlistService>();
        var subscriptions = host.Services.GetRequiredService<SubscriptionService>();
        Assert.Equal(201, (await watchlists.PutAsync(name, new PutWatchlistRequest([$"NASDAQ:{code}"], null, null), null, default)).Status);
        var follower = (await subscriptions.CreateAsync(new CreateSubscriptionRequest("webhook", "http://127.0.0.1:9/w", null, null) { Watchlists = [name] }, default)).Value!;
        var french = (await subscriptions.CreateAsync(new CreateSubscriptionRequest("webhook", "http://127.0.0.1:9/f", [code], null) { Languages = ["fr"] }, default)).Value!;

        var article = TestData.SoftBankArticle() with { Title = $"Board backs ({code}.O) $4 billion buyback", Summary = "buyback" };
        var deal = await host.Services.GetRequiredService<DealProcessor>().ProcessAsync(article, default);
        await host.Services.GetRequiredService<DealProcessor>().ProcessAsync(article, default);

        Assert.NotNull(deal);
        var deliveries = host.Services.GetRequiredService<IDeliveryStore>();
        Assert.NotNull(await deliveries.GetAsync(follower.Id, StableId.From(deal.Id, follower.Id), default));
        Assert.Null(await deliveries.GetAsync(french.Id, StableId.From(deal.Id, french.Id), default));
        Assert.Equal(1, await host.Services.GetRequiredService<IDealStore>().GetAlertCountAsync(deal.Id, default));
    }

    [Fact]
    public async Task A_new_subscription_is_alerted_once_about_a_matching_deal_from_the_backfill_window()
    {
        var code = "V" + TestData.NewId()[..5].ToUpperInvariant();
        var service = host.Services.GetRequiredService<SubscriptionService>();
        Assert.Equal(201, (await service.CreateAsync(new CreateSubscriptionRequest("webhook", "http://127.0.0.1:9/a", [code], null), default)).Status);
        var article = TestData.SoftBankArticle() with { Title = $"Fund takes ({code}.O) $3 billion stake", Summary = "stake" };
        var deal = await host.Services.GetRequiredService<DealProcessor>().ProcessAsync(article, default);

        var created = await service.CreateAsync(new CreateSubscriptionRequest("webhook", "http://127.0.0.1:9/b", [code], null), default);

        Assert.Equal(201, created.Status);
        Assert.NotNull(await host.Services.GetRequiredService<IDeliveryStore>().GetAsync(created.Value!.Id, StableId.From(deal!.Id, created.Value.Id), default));
        Assert.Equal(2, await host.Services.GetRequiredService<IDealStore>().GetAlertCountAsync(deal.Id, default)); // Counted by extraction, then by backfill.
    }
}
