using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Alerts.Core.Deals;
using Alerts.Core.Extraction;
using Alerts.Core.Storage;
using Alerts.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.IntegrationTests.Delivery;

/// <summary>Arranges alerts for delivery tests; each deal carries a unique keyword so no other test's subscription matches it.</summary>
internal static class DeliveryTestKit
{
    public static Deal UniqueDeal(string keyword, string? title = null) => new()
    {
        Id = TestData.NewId(),
        FeedId = TestData.NewId(),
        ItemId = TestData.NewId(),
        Title = title ?? $"SoftBank weighs $2.4 billion stake ({keyword})",
        Link = "https://news.example.com/" + keyword,
        Summary = "SoftBank Group 9984.T may invest $2.4 billion.",
        Language = "en",
        Amounts = [new MoneyAmount(2_400_000_000m, "USD", AmountQualifier.Exact, new TextEvidence(0, 12, "$2.4 billion"))],
        Tickers = [new TickerMention("9984.T", TickerNormalizer.TryNormalize("9984.T")!.Value.Code, TickerNormalizer.TryNormalize("9984.T")!.Value.Exchange, new TextEvidence(0, 6, "9984.T"))],
        Created = DateTimeOffset.UtcNow,
    };

    /// <summary>Creates a subscription through the API; returns its id and (webhooks) its secret from the 201 answer.</summary>
    public static async Task<(string Id, string? Secret)> SubscribeAsync(RunningLocalHost host, object body)
    {
        var response = await host.PostAsync("api/subscriptions", body);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("id").GetString()!, json.RootElement.TryGetProperty("secret", out var s) ? s.GetString() : null);
    }

    /// <summary>Stores the deal and queues its alert for the subscription, as ExtractDeals would.</summary>
    public static async Task AlertAsync(RunningLocalHost host, Deal deal, string subscriptionId)
    {
        await host.Services.GetRequiredService<IDealStore>().AddIfAbsentAsync(deal, default);
        var subscription = await host.Services.GetRequiredService<ISubscriptionStore>().GetAsync(subscriptionId, default);
        Assert.True(await host.Services.GetRequiredService<AlertDispatcher>().QueueAsync(deal, subscription!, default));
    }

    /// <summary>The subscription's delivery records as the API lists them.</summary>
    public static async Task<JsonElement[]> DeliveriesAsync(RunningLocalHost host, string subscriptionId)
    {
        var list = await host.Admin.GetFromJsonAsync<JsonElement[]>($"api/subscriptions/{subscriptionId}/deliveries");
        return list!;
    }

    /// <summary>
    /// Verifies a Standard Webhooks signature, written from the specification (not by calling production code):
    /// HMAC-SHA256 keyed with the base64 part of the whsec_ secret over "{webhook-id}.{webhook-timestamp}.{body}",
    /// compared with each space-separated "v1,{base64}" entry of webhook-signature.
    /// </summary>
    public static bool SignatureIsValid(string secret, ReceivedRequest request)
    {
        var key = Convert.FromBase64String(secret.Split('_', 2)[1]);
        var id = request.Headers["webhook-id"];
        var timestamp = request.Headers["webhook-timestamp"];
        using var hmac = new HMACSHA256(key);
        var expected = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(id + "." + timestamp + "." + request.Body)));
        return request.Headers["webhook-signature"].Split(' ')
            .Select(entry => entry.Split(',', 2))
            .Any(parts => parts.Length == 2 && parts[0] == "v1" && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parts[1]), Encoding.ASCII.GetBytes(expected)));
    }
}
