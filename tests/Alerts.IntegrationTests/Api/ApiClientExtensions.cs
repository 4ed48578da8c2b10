using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Alerts.IntegrationTests.Api;

/// <summary>Small helpers for API tests: JSON bodies, conditional requests and reading every page of a list.</summary>
internal static class ApiClientExtensions
{
    public static async Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string path, string? json, string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json") };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Follows nextCursor until the end and returns the ids of every item.</summary>
    public static async Task<List<string>> AllIdsAsync(this HttpClient client, string path)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var separator = path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
            var page = await client.GetFromJsonAsync<JsonElement>(cursor is null ? path : $"{path}{separator}cursor={Uri.EscapeDataString(cursor)}");
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!));
            cursor = page.TryGetProperty("nextCursor", out var next) && next.ValueKind == JsonValueKind.String ? next.GetString() : null;
        }
        while (cursor is not null);
        return ids;
    }
}
