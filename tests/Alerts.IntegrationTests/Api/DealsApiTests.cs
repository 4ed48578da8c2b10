using System.Net;
using System.Text.Json;
using Alerts.Core.Deals;
using Alerts.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Alerts.IntegrationTests.Api;

[Collection(AzuriteCollection.Name)]
public sealed class DealsApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private RunningLocalHost host = null!;
    private IHost core = null!;

    public async Task InitializeAsync()
    {
        host = await RunningLocalHost.StartAsync(azurite.ConnectionString);
        core = await azurite.StartCoreHostAsync();
    }

    public async Task DisposeAsync()
    {
        await host.DisposeAsync();
        await core.StopAsync();
        core.Dispose();
    }

    [Fact]
    public async Task Deals_are_listed_newest_first_by_ticker_in_any_notation_and_paged_without_repeats()
    {
        var code = "Z" + TestData.NewId()[..5].ToUpperInvariant();
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await ProcessAsync($"Fund buys {code}.O stake for $3 billion", $"{code}.O named, item {i}"))!.Id);
        }

        var bare = await host.Admin.AllIdsAsync($"api/deals?ticker={code}&limit=2");
        var prefixed = await host.Admin.AllIdsAsync($"api/deals?ticker=NASDAQ:{code}&limit=1");
        var otherExchange = await host.Admin.AllIdsAsync($"api/deals?ticker={code}.L");

        Assert.Equal(Enumerable.Reverse(ids), bare);
        Assert.Equal(bare, prefixed);
        Assert.Empty(otherExchange);
    }

    [Fact]
    public async Task Since_and_minUsd_filter_the_list()
    {
        var code = "Y" + TestData.NewId()[..5].ToUpperInvariant();
        var small = await ProcessAsync($"{code}.O raises $2 million", "small");
        var large = await ProcessAsync($"{code}.O raises $5 billion", "large");

        var rich = await host.Admin.AllIdsAsync($"api/deals?ticker={code}&minUsd=1000000000");
        var future = await host.Admin.AllIdsAsync($"api/deals?ticker={code}&since={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(5).ToString("O"))}");
        var past = await host.Admin.AllIdsAsync($"api/deals?ticker={code}&since=2020-01-01");

        Assert.Equal([large!.Id], rich);
        Assert.Empty(future);
        Assert.Equal([large.Id, small!.Id], past);
    }

    [Fact]
    public async Task A_deal_shows_amounts_tickers_usd_value_source_and_alerts_queued()
    {
        var code = "X" + TestData.NewId()[..5].ToUpperInvariant();
        var subscription = await host.Admin.SendJsonAsync(HttpMethod.Post, "api/subscriptions", $$"""{"channel":"webhook","target":"http://127.0.0.1:9/d","tickers":["{{code}}"]}""");
        Assert.Equal(HttpStatusCode.Created, subscription.StatusCode);
        var deal = await ProcessAsync($"{code}.O wins €2 billion order", "order");

        var body = await (await host.Admin.GetAsync($"api/deals/{deal!.Id}")).JsonAsync();

        Assert.Equal(2_000_000_000m, body.GetProperty("amounts")[0].GetProperty("value").GetDecimal());
        Assert.Equal(code, body.GetProperty("tickers")[0].GetProperty("code").GetString());
        Assert.True(body.GetProperty("largestUsd").GetDecimal() > 2_000_000_000m);
        Assert.Equal(deal.FeedId, body.GetProperty("sources")[0].GetProperty("feedId").GetString());
        Assert.Equal(1, body.GetProperty("alertsQueued").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await host.Admin.GetAsync("api/deals/00000000")).StatusCode);
    }

    private async Task<Deal?> ProcessAsync(string title, string summary)
    {
        var article = TestData.SoftBankArticle() with { Title = title, Summary = summary };
        var deal = await core.Services.GetRequiredService<DealProcessor>().ProcessAsync(article, default);
        Assert.NotNull(deal);
        return deal;
    }
}
