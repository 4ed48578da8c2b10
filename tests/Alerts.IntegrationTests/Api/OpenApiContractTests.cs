using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Alerts.Cli.LocalHost;
using Alerts.Functions;
using Alerts.IntegrationTests.Infrastructure;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace Alerts.IntegrationTests.Api;

/// <summary>The served OpenAPI document and the function app agree: routes, methods, key and status codes, both ways.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class OpenApiContractTests(AzuriteFixture azurite) : IAsyncLifetime
{
    /// <summary>
    /// Routes documented ahead of the branch that implements them (webhook secrets, deliveries, unsubscribe).
    /// The integrator empties this list when that branch is merged; the test fails while a listed route exists.
    /// </summary>
    private static readonly HashSet<string> PendingRoutes =
    [
    ];

    private RunningLocalHost host = null!;

    public async Task InitializeAsync() => host = await RunningLocalHost.StartAsync(azurite.ConnectionString);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task The_document_is_served_without_a_key_and_reads_as_OpenAPI_3_1_without_errors()
    {
        var response = await host.Client.GetAsync("api/openapi.yaml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (document, diagnostic) = await ReadAsync(response);
        Assert.Empty(diagnostic.Errors);
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, diagnostic.SpecificationVersion);
        Assert.NotEmpty(document.Paths);
    }

    [Fact]
    public async Task Every_implemented_route_is_documented_and_every_documented_route_is_implemented_or_pending()
    {
        var documented = Operations(await LoadAsync()).Keys.ToHashSet();
        var implemented = Implemented().Keys.ToHashSet();

        Assert.Empty(implemented.Except(documented));
        Assert.Empty(documented.Except(implemented).Except(PendingRoutes));
        Assert.Empty(PendingRoutes.Intersect(implemented)); // Implemented now: remove it from PendingRoutes.
    }

    [Fact]
    public async Task Operations_needing_the_key_document_401_and_the_security_scheme_and_anonymous_ones_need_none()
    {
        var operations = Operations(await LoadAsync());

        foreach (var (route, anonymous) in Implemented())
        {
            var operation = operations[route];
            var declaresNoSecurity = operation.Security is { Count: 0 };
            Assert.True(anonymous == declaresNoSecurity, $"{route}: anonymous={anonymous} but security is {(declaresNoSecurity ? "empty" : "inherited")}");
            Assert.True(anonymous != operation.Responses!.ContainsKey("401"), $"{route} documents 401 wrongly");
        }
    }

    [Fact]
    public async Task Every_operation_documents_the_500_problem_that_any_http_function_can_answer()
    {
        var operations = Operations(await LoadAsync());

        // Both hosts turn an exception in any HTTP function into this problem (UnexpectedErrorTests makes one throw).
        foreach (var route in Implemented().Keys)
        {
            Assert.True(operations[route].Responses!.TryGetValue("500", out var response), $"{route} does not document 500");
            Assert.True(response.Content?.ContainsKey("application/problem+json") == true, $"{route}: 500 is not problem+json");
        }
    }

    [Fact]
    public async Task Every_status_code_the_app_answers_to_representative_requests_is_documented_for_its_operation()
    {
        var operations = Operations(await LoadAsync());
        var name = "contract-" + TestData.NewId()[..8];
        var observed = new List<(string Route, HttpStatusCode Status)>();

        async Task<HttpResponseMessage> Send(string route, HttpMethod method, string path, string? json = null, string? ifMatch = null, bool key = true)
        {
            using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            var response = await (key ? host.Admin : host.Client).SendAsync(request);
            observed.Add((route, response.StatusCode));
            return response;
        }

        await Send("GET /api/health", HttpMethod.Get, "api/health", key: false);
        await Send("GET /api/openapi.yaml", HttpMethod.Get, "api/openapi.yaml", key: false);
        await Send("GET /api/feeds", HttpMethod.Get, "api/feeds");
        await Send("POST /api/feeds", HttpMethod.Post, "api/feeds", """{"url":"ftp://x"}""");
        await Send("PUT /api/watchlists/{name}", HttpMethod.Put, $"api/watchlists/{name}", """{"keywords":["zq-contract"]}""");
        var put = await Send("PUT /api/watchlists/{name}", HttpMethod.Put, $"api/watchlists/{name}", """{"keywords":["zq-chips"]}""");
        await Send("PUT /api/watchlists/{name}", HttpMethod.Put, $"api/watchlists/{name}", "{}", ifMatch: "\"stale\"");
        await Send("PUT /api/watchlists/{name}", HttpMethod.Put, $"api/watchlists/{name}", """{"tickers":[1]}""");
        await Send("PUT /api/watchlists/{name}", HttpMethod.Put, $"api/watchlists/{name}", new string(' ', 70_000));
        await Send("GET /api/watchlists", HttpMethod.Get, "api/watchlists");
        await Send("GET /api/watchlists/{name}", HttpMethod.Get, $"api/watchlists/{name}");
        await Send("GET /api/watchlists/{name}", HttpMethod.Get, "api/watchlists/none-such");
        var created = await Send("POST /api/subscriptions", HttpMethod.Post, "api/subscriptions", $$"""{"channel":"email","target":"a@example.com","keywords":["zq-none"],"watchlists":["{{name}}"]}""");
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await Send("DELETE /api/watchlists/{name}", HttpMethod.Delete, $"api/watchlists/{name}");
        await Send("POST /api/subscriptions", HttpMethod.Post, "api/subscriptions", """{"channel":"sms"}""");
        await Send("GET /api/subscriptions", HttpMethod.Get, "api/subscriptions?limit=1");
        await Send("GET /api/subscriptions", HttpMethod.Get, "api/subscriptions?cursor=bad");
        await Send("GET /api/subscriptions/{id}", HttpMethod.Get, $"api/subscriptions/{id}");
        await Send("GET /api/subscriptions/{id}", HttpMethod.Get, "api/subscriptions/0000");
        await Send("PATCH /api/subscriptions/{id}", HttpMethod.Patch, $"api/subscriptions/{id}", """{"keywords":["zq-x"]}""");
        await Send("PATCH /api/subscriptions/{id}", HttpMethod.Patch, $"api/subscriptions/{id}", """{"keywords":["zq-x"]}""", ifMatch: "\"stale\"");
        await Send("PATCH /api/subscriptions/{id}", HttpMethod.Patch, $"api/subscriptions/{id}", """{"id":"x"}""");
        await Send("PATCH /api/subscriptions/{id}", HttpMethod.Patch, "api/subscriptions/0000", "{}");
        await Send("DELETE /api/subscriptions/{id}", HttpMethod.Delete, $"api/subscriptions/{id}", ifMatch: "\"stale\"");
        await Send("DELETE /api/subscriptions/{id}", HttpMethod.Delete, $"api/subscriptions/{id}");
        await Send("DELETE /api/subscriptions/{id}", HttpMethod.Delete, $"api/subscriptions/{id}");
        await Send("DELETE /api/watchlists/{name}", HttpMethod.Delete, $"api/watchlists/{name}", ifMatch: put.Headers.ETag?.ToString());
        await Send("DELETE /api/watchlists/{name}", HttpMethod.Delete, $"api/watchlists/{name}");
        await Send("GET /api/deals", HttpMethod.Get, "api/deals?limit=2");
        await Send("GET /api/deals", HttpMethod.Get, "api/deals?since=yesterday");
        await Send("GET /api/deals/{id}", HttpMethod.Get, "api/deals/0000");
        foreach (var route in Implemented().Where(r => !r.Value).Select(r => r.Key))
        {
            var (method, path) = (route.Split(' ')[0], route.Split(' ')[1].Replace("{id}", "abc", StringComparison.Ordinal).Replace("{name}", "abc", StringComparison.Ordinal));
            await Send(route, new HttpMethod(method), path.TrimStart('/'), method is "POST" or "PUT" or "PATCH" ? "{}" : null, key: false);
        }

        var undocumented = observed
            .Where(o => !operations[o.Route].Responses!.ContainsKey(((int)o.Status).ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Select(o => $"{o.Route} -> {(int)o.Status}")
            .Distinct()
            .ToList();
        Assert.Empty(undocumented);
        Assert.Contains(observed, o => o.Status == HttpStatusCode.PreconditionFailed);
        Assert.Contains(observed, o => o.Status == HttpStatusCode.Conflict);
        Assert.Contains(observed, o => o.Status == HttpStatusCode.RequestEntityTooLarge);
    }

    // "METHOD /api/route" -> whether the function is anonymous, from the attributes the Functions host reads.
    private static Dictionary<string, bool> Implemented() =>
        FunctionCatalog.Discover(typeof(AlertsFunctionsExtensions).Assembly)
            .Select(f => f.Trigger)
            .OfType<HttpFunctionTrigger>()
            .SelectMany(t => t.Methods.Select(m => ($"{m.ToUpperInvariant()} /api/{t.Route}", t.Anonymous)))
            .ToDictionary(x => x.Item1, x => x.Anonymous);

    private static Dictionary<string, OpenApiOperation> Operations(OpenApiDocument document) =>
        document.Paths
            .SelectMany(p => p.Value.Operations!.Select(o => ($"{o.Key.Method.ToUpperInvariant()} {p.Key}", o.Value)))
            .ToDictionary(x => x.Item1, x => x.Value);

    private async Task<OpenApiDocument> LoadAsync() => (await ReadAsync(await host.Client.GetAsync("api/openapi.yaml"))).Document;

    private static async Task<(OpenApiDocument Document, OpenApiDiagnostic Diagnostic)> ReadAsync(HttpResponseMessage response)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var result = await OpenApiDocument.LoadAsync(stream, "yaml", settings);
        return (result.Document!, result.Diagnostic!);
    }
}
