using System.Net;
using System.Text.Json;
using Alerts.IntegrationTests.Infrastructure;

namespace Alerts.IntegrationTests.Api;

/// <remarks>
/// Every subscription created here names a "zq-" keyword that no article contains: a subscription without criteria
/// is a firehose and would send alerts in other tests sharing this Azurite.
/// </remarks>
[Collection(AzuriteCollection.Name)]
public sealed class SubscriptionsApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private RunningLocalHost host = null!;

    public async Task InitializeAsync() => host = await RunningLocalHost.StartAsync(azurite.ConnectionString);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_subscription_with_watchlists_amount_and_languages_is_created_read_patched_and_deleted()
    {
        var list = "subs-" + TestData.NewId()[..8];
        Assert.Equal(HttpStatusCode.Created, (await host.Admin.SendJsonAsync(HttpMethod.Put, $"api/watchlists/{list}", """{"keywords":["zq-list"]}""")).StatusCode);

        var created = await host.Admin.SendJsonAsync(HttpMethod.Post, "api/subscriptions",
            $$"""{"channel":"webhook","target":"https://example.com/hook","watchlists":["{{list}}"],"minAmount":{"value":1000000,"currency":"EUR"},"languages":["en","fr"]}""");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.JsonAsync();
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal("EUR", body.GetProperty("minAmount").GetProperty("currency").GetString());
        Assert.True(body.GetProperty("enabled").GetBoolean());

        var read = await host.Admin.GetAsync($"api/subscriptions/{id}");
        var etag = read.Headers.ETag!.ToString();
        Assert.Equal(created.Headers.ETag!.ToString(), etag);

        var patched = await host.Admin.SendJsonAsync(HttpMethod.Patch, $"api/subscriptions/{id}", """{"keywords":["zq-chips"],"enabled":false}""", etag);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var after = await patched.JsonAsync();
        Assert.Equal("zq-chips", after.GetProperty("keywords")[0].GetString());
        Assert.False(after.GetProperty("enabled").GetBoolean());
        Assert.False(string.IsNullOrEmpty(after.GetProperty("disabledReason").GetString()));
        Assert.Equal(list, after.GetProperty("watchlists")[0].GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await host.Admin.SendJsonAsync(HttpMethod.Delete, $"api/subscriptions/{id}", null, patched.Headers.ETag!.ToString())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Admin.GetAsync($"api/subscriptions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await host.Admin.DeleteAsync($"api/watchlists/{list}")).StatusCode);
    }

    [Fact]
    public async Task Updates_and_deletes_with_a_stale_if_match_get_412_problem_and_change_nothing()
    {
        var id = await CreateAsync("""{"channel":"email","target":"desk@example.com","keywords":["zq-first"]}""");
        var stale = (await host.Admin.GetAsync($"api/subscriptions/{id}")).Headers.ETag!.ToString();
        Assert.Equal(HttpStatusCode.OK, (await host.Admin.SendJsonAsync(HttpMethod.Patch, $"api/subscriptions/{id}", """{"keywords":["zq-second"]}""", stale)).StatusCode);

        var patch = await host.Admin.SendJsonAsync(HttpMethod.Patch, $"api/subscriptions/{id}", """{"keywords":["zq-third"]}""", stale);
        var delete = await host.Admin.SendJsonAsync(HttpMethod.Delete, $"api/subscriptions/{id}", null, stale);

        Assert.Equal(HttpStatusCode.PreconditionFailed, patch.StatusCode);
        Assert.Equal("application/problem+json", patch.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.PreconditionFailed, delete.StatusCode);
        var current = await (await host.Admin.GetAsync($"api/subscriptions/{id}")).JsonAsync();
        Assert.Equal("zq-second", current.GetProperty("keywords")[0].GetString());
    }

    [Fact]
    public async Task Listing_pages_through_every_subscription_once_with_cursors()
    {
        var mine = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            mine.Add(await CreateAsync($$"""{"channel":"email","target":"page{{i}}@example.com","keywords":["zq-none"]}"""));
        }

        var all = await host.Admin.AllIdsAsync("api/subscriptions?limit=2");

        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.All(mine, id => Assert.Contains(id, all));
    }

    [Fact]
    public async Task Listing_by_watchlist_returns_only_its_followers()
    {
        var list = "followers-" + TestData.NewId()[..8];
        await host.Admin.SendJsonAsync(HttpMethod.Put, $"api/watchlists/{list}", """{"keywords":["zq-fund"]}""");
        var followers = new[]
        {
            await CreateAsync($$"""{"channel":"email","target":"f1@example.com","watchlists":["{{list}}"]}"""),
            await CreateAsync($$"""{"channel":"email","target":"f2@example.com","watchlists":["{{list}}"]}"""),
        };
        var other = await CreateAsync("""{"channel":"email","target":"other@example.com","keywords":["zq-none"]}""");

        var listed = await host.Admin.AllIdsAsync($"api/subscriptions?watchlist={list}&limit=1");

        Assert.Equal(followers.Order(), listed.Order());
        Assert.DoesNotContain(other, listed);
    }

    [Fact]
    public async Task A_cursor_from_another_list_or_altered_is_400_naming_cursor()
    {
        await CreateAsync("""{"channel":"email","target":"c1@example.com","keywords":["zq-none"]}""");
        await CreateAsync("""{"channel":"email","target":"c2@example.com","keywords":["zq-none"]}""");
        var page = await (await host.Admin.GetAsync("api/subscriptions?limit=1")).JsonAsync();
        var cursor = page.GetProperty("nextCursor").GetString()!;

        var foreign = await host.Admin.GetAsync($"api/subscriptions?watchlist=other&cursor={Uri.EscapeDataString(cursor)}");
        var altered = await host.Admin.GetAsync($"api/subscriptions?cursor={Uri.EscapeDataString("A" + cursor)}");

        Assert.Equal("cursor", (await foreign.JsonAsync()).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, altered.StatusCode);
    }

    private async Task<string> CreateAsync(string json)
    {
        var response = await host.Admin.SendJsonAsync(HttpMethod.Post, "api/subscriptions", json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("id").GetString()!;
    }
}
