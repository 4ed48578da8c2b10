using System.Net;
using System.Text.Json;
using Alerts.IntegrationTests.Infrastructure;

namespace Alerts.IntegrationTests.Api;

[Collection(AzuriteCollection.Name)]
public sealed class WatchlistsApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private RunningLocalHost host = null!;

    public async Task InitializeAsync() => host = await RunningLocalHost.StartAsync(azurite.ConnectionString);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Put_creates_with_201_then_replaces_with_200_storing_tickers_normalised()
    {
        var name = "tech-" + TestData.NewId()[..8];

        var created = await host.Admin.SendJsonAsync(HttpMethod.Put, $"api/watchlists/{name}", """{"tickers":["NASDAQ:GOOGL","9984.T","MSFT"],"companies":["SoftBank"],"keywords":["chips"]}""");
        var replaced = await host.Admin.SendJsonAsync(HttpMethod.Put, $"api/watchlists/{name}", """{"tickers":["GOOGL.O"]}""", created.Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(["XNAS:GOOGL", "XTKS:9984", "MSFT"], (await created.JsonAsync()).GetProperty("tickers").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var read = await (await host.Admin.GetAsync($"api/watchlists/{name}")).JsonAsync();
        Assert.Equal(["XNAS:GOOGL"], read.GetProperty("tickers").EnumerateArray().Select(t => t.GetString()));
        Assert.Empty(read.GetProperty("companies").EnumerateArray());
        Assert.Contains(name, await host.Admin.GetStringAsync("api/watchlists"));
    }

    [Fact]
    public async Task A_stale_if_match_on_put_or_delete_is_412_and_the_watchlist_is_unchanged()
    {
        var name = "stale-" + TestData.NewId()[..8];
        var first = await host.Admin.SendJsonAsync(HttpMethod.Put, $"api/watchlists/{name}", """{"keywords":["one"]}""");
        await host.Admin.SendJsonAsync(HttpMethod.Put, $"api/watchlists/{name}", """{"keywords":["two"]}""");

        var put = await host.Admin.SendJsonAsync(HttpMethod.Put, $"api/watchlists/{name}", """{"keywords":["three"]}""", first.Headers.ETag!.ToString());
        var delete = await host.Admin.SendJsonAsync(HttpMethod.Delete, $"api/watchlists/{name}", null, first.Headers.ETag!.ToString());

        Assert.Equal(HttpStatusCode.PreconditionFailed, put.StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionFailed, delete.StatusCode);
        Assert.Equal("two", (await (await host.Admin.GetAsync($"api/watchlists/{name}")).JsonAsync()).GetProperty("keywords")[0].GetString());
    }

    [Fact]
    public async Task A_followed_watchlist_cannot_be_deleted_until_its_followers_leave_it()
    {
        var name = "followed-" + TestData.NewId()[..8];
        await host.Admin.SendJsonAsync(HttpMethod.Put, $"api/watchlists/{name}", """{"keywords":["zq-bond"]}""");
        var subscription = await (await host.Admin.SendJsonAsync(HttpMethod.Post, "api/subscriptions", $$"""{"channel":"email","target":"w@example.com","keywords":["zq-none"],"watchlists":["{{name}}"]}""")).JsonAsync();
        var id = subscription.GetProperty("id").GetString();

        var refused = await host.Admin.DeleteAsync($"api/watchlists/{name}");
        await host.Admin.SendJsonAsync(HttpMethod.Patch, $"api/subscriptions/{id}", """{"watchlists":[]}""");
        var deleted = await host.Admin.DeleteAsync($"api/watchlists/{name}");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Admin.GetAsync($"api/watchlists/{name}")).StatusCode);
    }
}
