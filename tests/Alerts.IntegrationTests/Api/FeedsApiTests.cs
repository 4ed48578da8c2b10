using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Alerts.Core.Feeds;
using Alerts.Core.Storage;
using Alerts.IntegrationTests.Infrastructure;

namespace Alerts.IntegrationTests.Api;

/// <summary>The feeds admin API through the local host: register, list, read, merge-patch and delete.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FeedsApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private RunningLocalHost host = null!;

    public async Task InitializeAsync() => host = await RunningLocalHost.StartAsync(azurite.ConnectionString);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_feed_registered_with_settings_can_be_read_listed_patched_and_deleted()
    {
        var url = $"http://127.0.0.1:9/{TestData.NewId()}.xml";

        var created = await host.PostAsync("api/feeds", new { url, name = "Test wire", interval = "00:30:00", language = "fr", enabled = false });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var feed = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = feed.GetProperty("id").GetString()!;
        Assert.Equal("Test wire", feed.GetProperty("name").GetString());
        Assert.Equal("00:30:00", feed.GetProperty("interval").GetString());
        Assert.Equal("fr", feed.GetProperty("language").GetString());
        Assert.False(feed.GetProperty("enabled").GetBoolean());
        Assert.Contains(id, await host.Admin.GetStringAsync("api/feeds"));

        var patched = await PatchAsync(id, """{"name":"Renamed","interval":null}""");

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var read = await host.Admin.GetFromJsonAsync<JsonElement>($"api/feeds/{id}");
        Assert.Equal("Renamed", read.GetProperty("name").GetString());
        Assert.Equal("00:15:00", read.GetProperty("interval").GetString()); // null: back to the default
        Assert.Equal("fr", read.GetProperty("language").GetString()); // absent: kept
        Assert.Equal(url, read.GetProperty("url").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await host.Admin.DeleteAsync($"api/feeds/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Admin.GetAsync($"api/feeds/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Admin.DeleteAsync($"api/feeds/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_feed_disabled_after_failures_shows_why_and_re_enabling_resets_its_failures()
    {
        var store = host.Service<IFeedStore>();
        var feed = new FeedRegistration
        {
            Id = TestData.NewId(),
            Url = new Uri($"http://127.0.0.1:9/{TestData.NewId()}.xml"),
            Created = DateTimeOffset.UtcNow,
            Enabled = false,
            ConsecutiveFailures = 10,
            LastError = "HTTP 500 Internal Server Error",
            DisabledReason = "Disabled after 10 consecutive failures; the last: HTTP 500 Internal Server Error",
        };
        await store.AddIfAbsentAsync(feed, default);

        var shown = await host.Admin.GetFromJsonAsync<JsonElement>($"api/feeds/{feed.Id}");
        Assert.StartsWith("Disabled after 10 consecutive failures", shown.GetProperty("disabledReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(10, shown.GetProperty("consecutiveFailures").GetInt32());

        var enabled = await (await PatchAsync(feed.Id, """{"enabled":true}""")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(enabled.GetProperty("enabled").GetBoolean());
        Assert.Equal(0, enabled.GetProperty("consecutiveFailures").GetInt32());
        Assert.False(enabled.TryGetProperty("disabledReason", out _));
        Assert.True(enabled.TryGetProperty("nextPoll", out _));
    }

    [Theory]
    [InlineData("""{"interval":"00:00:01"}""", "interval")]
    [InlineData("""{"interval":"soon"}""", "interval")]
    [InlineData("""{"interval":900}""", "interval")]
    [InlineData("""{"enabled":"yes"}""", "enabled")]
    [InlineData("""{"enabled":null}""", "enabled")]
    [InlineData("""{"language":"not a language"}""", "language")]
    [InlineData("""{"name":7}""", "name")]
    [InlineData("""{"url":"http://example.com/other.xml"}""", "url")]
    [InlineData("""{"consecutiveFailures":0}""", "consecutiveFailures")]
    [InlineData("""[1,2]""", "body")]
    [InlineData("""not json""", "body")]
    public async Task A_bad_patch_gets_400_naming_the_field_and_changes_nothing(string json, string field)
    {
        var created = await host.PostAsync("api/feeds", new { url = $"http://127.0.0.1:9/{TestData.NewId()}.xml", name = "Kept", enabled = false });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var before = await host.Admin.GetStringAsync($"api/feeds/{id}");

        var response = await PatchAsync(id, json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(before, await host.Admin.GetStringAsync($"api/feeds/{id}"));
    }

    [Theory]
    [InlineData("""{"url":"http://127.0.0.1:9/x.xml","interval":"00:00:01"}""", "interval")]
    [InlineData("""{"url":"http://127.0.0.1:9/x.xml","language":"??"}""", "language")]
    [InlineData("""{"url":"http://127.0.0.1:9/x.xml","enabled":"no"}""", "enabled")]
    [InlineData("""{"url":"http://127.0.0.1:9/x.xml","colour":"red"}""", "colour")]
    public async Task A_bad_registration_gets_400_naming_the_field_and_stores_nothing(string json, string field)
    {
        var before = await host.Admin.GetStringAsync("api/feeds");

        var response = await host.Admin.PostAsync("api/feeds", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(before, await host.Admin.GetStringAsync("api/feeds"));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task An_unknown_feed_id_is_404_problem(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "api/feeds/0123456789abcdef0123456789abcdef")
        {
            Content = method == "PATCH" ? new StringContent("""{"name":"x"}""", Encoding.UTF8, "application/json") : null,
        };

        var response = await host.Admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task Feed_routes_need_the_admin_key(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "api/feeds/abc");

        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client.SendAsync(request)).StatusCode);
    }

    private async Task<HttpResponseMessage> PatchAsync(string id, string json) =>
        await host.Admin.PatchAsync($"api/feeds/{id}", new StringContent(json, Encoding.UTF8, "application/merge-patch+json"));
}
