using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Alerts.IntegrationTests.Infrastructure;

namespace Alerts.IntegrationTests.Api;

/// <summary>Hostile and malformed requests: each gets a 4xx problem+json and leaves storage as it was.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MalformedRequestTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // A watchlist every case may name, created once per test.
    private const string Known = "malformed-known";

    private RunningLocalHost host = null!;

    public static TheoryData<string, string, string?, int, string?, bool> Cases()
    {
        const string Hook = "https://example.com/hook";
        var data = new TheoryData<string, string, string?, int, string?, bool>
        {
            // method, path, body, status, field, with admin key
            { "POST", "api/subscriptions", "{", 400, "body", true },
            { "POST", "api/subscriptions", "", 400, "body", true },
            { "POST", "api/subscriptions", "[]", 400, "body", true },
            { "POST", "api/subscriptions", "null", 400, "body", true },
            { "POST", "api/subscriptions", "\"text\"", 400, "body", true },
            { "POST", "api/subscriptions", """{"channel":1,"target":"a@example.com"}""", 400, "channel", true },
            { "POST", "api/subscriptions", """{"channel":"email","target":["a@example.com"]}""", 400, "target", true },
            { "POST", "api/subscriptions", $$"""{"channel":"webhook","target":"{{Hook}}","tickers":"GOOGL"}""", 400, "tickers", true },
            { "POST", "api/subscriptions", $$"""{"channel":"webhook","target":"{{Hook}}","tickers":[null]}""", 400, "tickers[0]", true },
            { "POST", "api/subscriptions", $$"""{"channel":"webhook","target":"{{Hook}}","minAmount":"100"}""", 400, "minAmount", true },
            { "POST", "api/subscriptions", $$$"""{"channel":"webhook","target":"{{{Hook}}}","minAmount":{"value":"1e6","currency":"USD"}}""", 400, "minAmount.value", true },
            { "POST", "api/subscriptions", $$"""{"channel":"webhook","target":"{{Hook}}","id":"chosen"}""", 400, "id", true },
            { "POST", "api/subscriptions", $$"""{"channel":"webhook","target":"{{Hook}}","created":"2020-01-01T00:00:00Z"}""", 400, "created", true },
            { "POST", "api/subscriptions", $$"""{"channel":"webhook","target":"{{Hook}}","enabled":false}""", 400, "enabled", true },
            { "POST", "api/subscriptions", $$"""{"channel":"webhook","target":"{{Hook}}","Tickerz":[]}""", 400, "Tickerz", true },
            { "POST", "api/subscriptions", """{"channel":"pigeon","target":"a@example.com"}""", 400, "channel", true },
            { "POST", "api/subscriptions", """{"channel":"email"}""", 400, "target", true },
            { "POST", "api/subscriptions", """{"channel":"email","target":"not-an-address"}""", 400, "target", true },
            { "POST", "api/subscriptions", """{"channel":"email","target":"a@example.com\r\nBcc: all@example.com"}""", 400, "target", true },
            { "POST", "api/subscriptions", """{"channel":"email","target":"Boss <boss@example.com>"}""", 400, "target", true },
            { "POST", "api/subscriptions", """{"channel":"webhook","target":"http://169.254.169.254/latest/meta-data/"}""", 400, "target", true },
            { "POST", "api/subscriptions", """{"channel":"webhook","target":"http://168.63.129.16/"}""", 400, "target", true },
            { "POST", "api/subscriptions", """{"channel":"webhook","target":"http://10.0.0.8/hook"}""", 400, "target", true },
            { "POST", "api/subscriptions", """{"channel":"webhook","target":"http://192.168.0.1/hook"}""", 400, "target", true },
            { "POST", "api/subscriptions", """{"channel":"webhook","target":"http://[::ffff:10.0.0.1]/hook"}""", 400, "target", true },
            { "POST", "api/subscriptions", """{"channel":"webhook","target":"http://[fe80::1]/hook"}""", 400, "target", true },
            { "POST", "api/subscriptions", """{"channel":"webhook","target":"file:///etc/passwd"}""", 400, "target", true },
            { "POST", "api/subscriptions", """{"channel":"webhook","target":"https://user:pw@example.com/hook"}""", 400, "target", true },
            { "POST", "api/subscriptions", """{"channel":"webhook","target":"/relative/hook"}""", 400, "target", true },
            { "POST", "api/subscriptions", $$"""{"channel":"webhook","target":"{{Hook}}","tickers":["'; DROP TABLE Subscriptions;--"]}""", 400, "tickers[0]", true },
            { "POST", "api/subscriptions", $$"""{"channel":"webhook","target":"{{Hook}}","tickers":["<script>alert(1)</script>"]}""", 400, "tickers[0]", true },
            { "POST", "api/subscriptions", $$"""{"channel":"webhook","target":"{{Hook}}","tickers":["ＧＯＯＧＬ"]}""", 400, "tickers[0]", true },
            { "POST", "api/subscriptions", $$"""{"channel":"webhook","target":"{{Hook}}","tickers":["{{new string('A', 33)}}"]}""", 400, "tickers[0]", true },
            { "POST", "api/subscriptions", $$"""{"channel":"webhook","target":"{{Hook}}","keywords":["line\nbreak"]}""", 400, "keywords[0]", true },
            { "POST", "api/subscriptions", $$"""{"channel":"webhook","target":"{{Hook}}","keywords":["\u0000"]}""", 400, "keywords[0]", true },
            { "POST", "api/subscriptions", $$"""{"channel":"webhook","target":"{{Hook}}","keywords":["{{new string('k', 201)}}"]}""", 400, "keywords[0]", true },
            { "POST", "api/subscriptions", $$"""{"channel":"webhook","target":"{{Hook}}","keywords":[{{string.Join(',', Enumerable.Repeat("\"k\"", 101))}}]}""", 400, "keywords", true },
            { "POST", "api/subscriptions", $$"""{"channel":"webhook","target":"{{Hook}}","watchlists":["no-such-list"]}""", 400, "watchlists[0]", true },
            { "POST", "api/subscriptions", $$"""{"channel":"webhook","target":"{{Hook}}","watchlists":["../{{Known}}"]}""", 400, "watchlists[0]", true },
            { "POST", "api/subscriptions", $$$"""{"channel":"webhook","target":"{{{Hook}}}","minAmount":{"value":-5,"currency":"USD"}}""", 400, "minAmount.value", true },
            { "POST", "api/subscriptions", $$$"""{"channel":"webhook","target":"{{{Hook}}}","minAmount":{"value":5,"currency":"usd"}}""", 400, "minAmount.currency", true },
            { "POST", "api/subscriptions", $$$"""{"channel":"webhook","target":"{{{Hook}}}","minAmount":{"value":5,"currency":"BTC"}}""", 400, "minAmount.currency", true },
            { "POST", "api/subscriptions", $$$"""{"channel":"webhook","target":"{{{Hook}}}","minAmount":{"value":5}}""", 400, "minAmount.currency", true },
            { "POST", "api/subscriptions", $$"""{"channel":"webhook","target":"{{Hook}}","languages":["english"]}""", 400, "languages[0]", true },
            { "POST", "api/subscriptions", $$"""{"channel":"webhook","target":"{{Hook}}","languages":["EN"]}""", 400, "languages[0]", true },
            { "POST", "api/subscriptions", $$"""{"channel":"webhook","target":"{{Hook}}","keywords":["{{new string('x', 70_000)}}"]}""", 413, null, true },
            { "POST", "api/subscriptions", $$"""{"channel":"webhook","target":"{{Hook}}"}""", 401, null, false },
            { "PATCH", "api/subscriptions/0000", """{"keywords":["x"]}""", 404, null, true },
            { "PATCH", "api/subscriptions/0000", """{"keywords":["x"]}""", 401, null, false },
            { "DELETE", "api/subscriptions/0000", null, 404, null, true },
            { "PUT", $"api/watchlists/{Known}", """{"tickers":["bad ticker!"]}""", 400, "tickers[0]", true },
            { "PUT", $"api/watchlists/{Known}", """{"companies":[""]}""", 400, "companies[0]", true },
            { "PUT", $"api/watchlists/{Known}", """{"keywords":"chips"}""", 400, "keywords", true },
            { "PUT", $"api/watchlists/{Known}", """{"name":"other"}""", 400, "name", true },
            { "PUT", $"api/watchlists/{Known}", """{"tickers":["GOOGL"]}""", 401, null, false },
            { "PUT", $"api/watchlists/{Known}", """{"tickers":["GOOGL"]}""", 412, "If-Match", true },
            { "PUT", "api/watchlists/bad%20name", """{"tickers":["GOOGL"]}""", 400, "name", true },
            { "PUT", $"api/watchlists/{new string('w', 65)}", """{"tickers":["GOOGL"]}""", 400, "name", true },
            { "PUT", "api/watchlists/caf%C3%A9", """{"tickers":["GOOGL"]}""", 400, "name", true },
            { "DELETE", "api/watchlists/none-such", null, 404, null, true },
            { "GET", "api/watchlists", null, 401, null, false },
            { "GET", "api/subscriptions?limit=0", null, 400, "limit", true },
            { "GET", "api/subscriptions?limit=-1", null, 400, "limit", true },
            { "GET", "api/subscriptions?cursor=not-a-cursor", null, 400, "cursor", true },
            { "GET", "api/subscriptions?watchlist=a%20b", null, 400, "watchlist", true },
            { "GET", "api/deals?since=yesterday", null, 400, "since", true },
            { "GET", "api/deals?minUsd=-1", null, 400, "minUsd", true },
            { "GET", "api/deals?minUsd=lots", null, 400, "minUsd", true },
            { "GET", "api/deals?limit=501", null, 400, "limit", true },
            { "GET", "api/deals?cursor=AAAA.BBBB", null, 400, "cursor", true },
            { "GET", "api/deals?ticker=%00", null, 400, "ticker", true },
            { "GET", "api/deals/0000", null, 404, null, true },
            { "GET", "api/deals/0000", null, 401, null, false },
        };
        return data;
    }

    public async Task InitializeAsync()
    {
        host = await RunningLocalHost.StartAsync(azurite.ConnectionString);
        var put = await host.Admin.SendJsonAsync(HttpMethod.Put, $"api/watchlists/{Known}", """{"keywords":["known"]}""");
        Assert.True(put.IsSuccessStatusCode);
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Malformed_or_unauthorised_requests_get_a_4xx_problem_and_store_nothing(string method, string path, string? body, int status, string? field, bool withKey)
    {
        var before = await SnapshotAsync();
        // The 412 case sends a version of the known watchlist that was never current.
        var ifMatch = status == 412 ? "\"0000\"" : null;

        var response = await (withKey ? host.Admin : host.Client).SendJsonAsync(new HttpMethod(method), path, body, ifMatch);

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(status, problem.GetProperty("status").GetInt32());
        if (field is not null)
        {
            Assert.Equal(field, problem.GetProperty("field").GetString());
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public void The_table_holds_at_least_forty_cases() => Assert.True(Cases().Count >= 40);

    // Every subscription id and every watchlist as stored, so any write shows up as a difference.
    private async Task<string> SnapshotAsync()
    {
        var subscriptions = await host.Admin.AllIdsAsync("api/subscriptions?limit=500");
        var watchlists = await host.Admin.GetStringAsync("api/watchlists");
        return string.Join(',', subscriptions.Order(StringComparer.Ordinal)) + "\n" + watchlists;
    }
}
