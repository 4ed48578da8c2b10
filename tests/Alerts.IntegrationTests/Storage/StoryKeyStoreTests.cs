using Alerts.Core.Deals;
using Alerts.Core.Storage;
using Alerts.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Alerts.IntegrationTests.Storage;

/// <summary>Story keys in the Deals table on Azurite: first claim wins, expired claims are taken over once, and deals are reindexed.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StoryKeyStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private IHost host = null!;

    private IStoryKeyStore Keys => host.Services.GetRequiredService<IStoryKeyStore>();

    public async Task InitializeAsync() => host = await azurite.StartCoreHostAsync();

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }

    [Fact]
    public async Task The_first_claim_owns_the_key_and_later_claims_are_told_the_owner()
    {
        var key = TestData.NewId();

        Assert.Null(await Keys.FindAsync(key, null, Now, default));
        Assert.Equal("deal-a", await Keys.ClaimAsync(key, "deal-a", null, Now, default));
        Assert.Equal("deal-a", await Keys.ClaimAsync(key, "deal-b", null, Now.AddYears(1), default));
        Assert.Equal("deal-a", await Keys.FindAsync(key, null, Now.AddYears(1), default));
    }

    [Fact]
    public async Task A_claim_older_than_its_window_is_not_found_and_is_taken_over()
    {
        var key = TestData.NewId();
        var window = TimeSpan.FromDays(3);
        await Keys.ClaimAsync(key, "deal-a", window, Now, default);

        Assert.Equal("deal-a", await Keys.FindAsync(key, window, Now.AddDays(2), default));
        Assert.Null(await Keys.FindAsync(key, window, Now.AddDays(4), default));
        Assert.Equal("deal-b", await Keys.ClaimAsync(key, "deal-b", window, Now.AddDays(4), default));
        Assert.Equal("deal-b", await Keys.FindAsync(key, window, Now.AddDays(4), default));
    }

    [Fact]
    public async Task Concurrent_claims_agree_on_one_owner()
    {
        var key = TestData.NewId();

        var owners = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Keys.ClaimAsync(key, "deal-" + i, TimeSpan.FromDays(3), Now, default)));

        var owner = Assert.Single(owners.Distinct());
        Assert.Equal(owner, await Keys.FindAsync(key, null, Now, default));
    }

    [Fact]
    public async Task Replacing_a_deal_moves_its_listing_copies_to_its_new_tickers()
    {
        var store = host.Services.GetRequiredService<IDealStore>();
        string Symbol() => "Z" + Random.Shared.Next(10_000, 99_999);
        var (before, after) = (Symbol(), Symbol());
        var deal = TestData.Deal(tickers: before + ".O");
        await store.AddIfAbsentAsync(deal, default);
        var (stored, version) = (await store.GetVersionedAsync(deal.Id, default))!.Value;
        var revised = TestData.Deal(deal.Id, after + ".O") with { Created = stored.Created, Title = "Revised", Revision = 1 };

        Assert.True(await store.TryReplaceAsync(revised, stored, version, default));
        Assert.False(await store.TryReplaceAsync(revised, stored, version, default)); // the version moved on

        Assert.Empty((await store.ListPageAsync(new DealFilter(Alerts.Core.Extraction.TickerNormalizer.TryNormalize(before)), null, 10, default)).Items);
        var listed = Assert.Single((await store.ListPageAsync(new DealFilter(Alerts.Core.Extraction.TickerNormalizer.TryNormalize(after)), null, 10, default)).Items);
        Assert.Equal(("Revised", 1), (listed.Title, listed.Revision));
    }
}
