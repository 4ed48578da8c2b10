using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alerts.IntegrationTests.Infrastructure;

namespace Alerts.IntegrationTests.Api;

/// <summary>An HTTP function that throws for real (its table storage refuses it) answers the RFC 9457 500, not a bare one.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class UnexpectedErrorTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // Another account key than Azurite's: every table request is refused with 403 at once (no retries, no time-outs).
    private static readonly string WrongKey = Convert.ToBase64String(Enumerable.Repeat((byte)7, 64).ToArray());

    private RunningLocalHost host = null!;

    public async Task InitializeAsync()
    {
        // Only the app's table client is broken; trigger storage (queues) stays healthy, so the host runs as usual.
        var broken = string.Join(';', azurite.ConnectionString.Split(';').Select(p => p.StartsWith("AccountKey=", StringComparison.Ordinal) ? "AccountKey=" + WrongKey : p));
        host = await RunningLocalHost.StartAsync(azurite.ConnectionString, new Dictionary<string, string?> { ["Alerts:Storage:Tables"] = broken });
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("GET", "api/deals")]
    [InlineData("GET", "api/subscriptions/abc")]
    [InlineData("GET", "api/feeds")]
    public async Task A_storage_failure_is_a_problem_json_500_that_reveals_nothing_of_it(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        var response = await host.Admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.Equal("An unexpected error occurred.", problem.GetProperty("title").GetString());
        Assert.Equal("https://httpstatuses.io/500", problem.GetProperty("type").GetString());
        Assert.Equal("/" + path, problem.GetProperty("instance").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("traceId").GetString()));
        Assert.DoesNotContain(WrongKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", text, StringComparison.Ordinal);
        Assert.DoesNotContain("RequestFailedException", text, StringComparison.Ordinal);
        Assert.DoesNotContain("authenticate", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Routes_that_need_no_storage_still_answer()
    {
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("api/health")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Admin.GetAsync("api/deals?limit=0")).StatusCode); // validated before storage
        var unauthorized = await host.Client.GetAsync("api/deals");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized.StatusCode);
        Assert.Equal("Unauthorized", (await unauthorized.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }
}
