using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Alerts.IntegrationTests.Infrastructure;

namespace Alerts.IntegrationTests.Api;

[Collection(AzuriteCollection.Name)]
public sealed class HttpApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private RunningLocalHost host = null!;

    public async Task InitializeAsync() => host = await RunningLocalHost.StartAsync(azurite.ConnectionString);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("GET", "api/feeds")]
    [InlineData("POST", "api/feeds")]
    [InlineData("GET", "api/subscriptions")]
    [InlineData("POST", "api/subscriptions")]
    [InlineData("GET", "api/subscriptions/abc")]
    [InlineData("DELETE", "api/subscriptions/abc")]
    [InlineData("GET", "api/deals")]
    public async Task Admin_endpoints_answer_401_problem_without_the_key(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { }) : null };
        request.Headers.Add("x-functions-key", method == "DELETE" ? "wrong-key" : null as string);

        var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_needs_no_key()
    {
        var response = await host.Client.GetAsync("api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Creating_a_subscription_returns_201_with_its_id_and_it_can_be_read_listed_and_deleted()
    {
        var created = await host.PostAsync("api/subscriptions", new { channel = "webhook", target = "http://127.0.0.1:9/hook", tickers = new[] { "9984.T" }, keywords = new[] { "SoftBank" } });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal("webhook", body.GetProperty("channel").GetString());
        Assert.Equal(HttpStatusCode.OK, (await host.Admin.GetAsync($"api/subscriptions/{id}")).StatusCode);
        Assert.Contains(id, await host.Admin.AllIdsAsync("api/subscriptions?limit=500"));

        Assert.Equal(HttpStatusCode.NoContent, (await host.Admin.DeleteAsync($"api/subscriptions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Admin.GetAsync($"api/subscriptions/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Admin.DeleteAsync($"api/subscriptions/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("""{"channel":"sms","target":"x@example.com"}""", "channel")]
    [InlineData("""{"channel":"email","target":"not-an-address"}""", "target")]
    [InlineData("""{"channel":"email","target":"a@example.com\r\nBcc: b@example.com"}""", "target")]
    [InlineData("""{"channel":"webhook","target":"http://169.254.169.254/latest/meta-data"}""", "target")]
    [InlineData("""{"channel":"webhook","target":"http://10.1.2.3/hook"}""", "target")]
    [InlineData("""{"channel":"webhook","target":"ftp://example.com/hook"}""", "target")]
    [InlineData("""{"channel":"webhook","target":"https://example.com/hook","tickers":["GOOGL.O","bad ticker!"]}""", "tickers[1]")]
    [InlineData("""{"channel":"webhook","target":"https://example.com/hook","tickers":"9984.T"}""", "tickers")]
    [InlineData("""{"channel":"webhook","target":"https://example.com/hook","id":"mine"}""", "id")]
    [InlineData("""{"channel":"webhook","target":""", "target")]
    [InlineData("not json", "body")]
    public async Task Invalid_subscriptions_get_400_problem_naming_the_field_and_nothing_is_stored(string json, string field)
    {
        var before = await host.Admin.GetStringAsync("api/subscriptions");

        var response = await host.Admin.PostAsync("api/subscriptions", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal(before, await host.Admin.GetStringAsync("api/subscriptions"));
    }

    [Theory]
    [InlineData("""{"url":"http://169.254.169.254/feed"}""")]
    [InlineData("""{"url":"file:///etc/passwd"}""")]
    [InlineData("""{"url":"not a url"}""")]
    [InlineData("""{}""")]
    public async Task Invalid_feed_urls_get_400_naming_url(string json)
    {
        var response = await host.Admin.PostAsync("api/feeds", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("url", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("limit=100000", "limit")]
    [InlineData("ticker=%3C%3E", "ticker")]
    public async Task Invalid_deal_queries_get_400_naming_the_parameter(string query, string field)
    {
        var response = await host.Admin.GetAsync("api/deals?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task Unknown_subscription_id_is_404_problem()
    {
        var response = await host.Admin.GetAsync("api/subscriptions/0123456789abcdef");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
