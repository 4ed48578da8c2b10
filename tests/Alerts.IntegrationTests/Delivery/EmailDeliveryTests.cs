using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Alerts.IntegrationTests.Infrastructure;
using MimeKit;

namespace Alerts.IntegrationTests.Delivery;

/// <summary>E-mail delivery through the local host to a real SMTP server on loopback, and one-click unsubscribe end to end.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class EmailDeliveryTests(AzuriteFixture azurite)
{
    private const string PublicBaseUrl = "https://alerts.example.test";

    private static Dictionary<string, string?> Settings(SmtpTestServer smtp) => new()
    {
        ["Alerts:Smtp:Host"] = "127.0.0.1",
        ["Alerts:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Alerts:Smtp:Security"] = "None",
        ["Alerts:PublicBaseUrl"] = PublicBaseUrl,
    };

    [Fact]
    public async Task An_alert_mail_has_text_and_html_parts_unsubscribe_headers_a_stable_message_id_and_the_source_link()
    {
        using var smtp = SmtpTestServer.Start();
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString, Settings(smtp));
        var keyword = "kw" + TestData.NewId();
        var (id, secret) = await DeliveryTestKit.SubscribeAsync(host, new { channel = "email", target = "desk@example.com", keywords = new[] { keyword } });
        var deal = DeliveryTestKit.UniqueDeal(keyword);

        await DeliveryTestKit.AlertAsync(host, deal, id);
        var mail = await Eventually.ReturnsAsync(() => Task.FromResult(smtp.Messages.FirstOrDefault(m => m.Subject?.Contains(keyword, StringComparison.Ordinal) == true)), "the alert mail");

        Assert.Null(secret);
        var alternative = Assert.IsType<MultipartAlternative>(mail.Body);
        Assert.Equal(["text/plain", "text/html"], alternative.Select(p => p.ContentType.MimeType));
        Assert.Contains("USD 2,400,000,000", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"keywords \"{keyword}\"", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{deal.Link}\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var unsubscribe = UnsubscribeUrlOf(mail);
        Assert.StartsWith(PublicBaseUrl + "/api/unsubscribe?token=", unsubscribe.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains(unsubscribe.AbsoluteUri, mail.HtmlBody, StringComparison.Ordinal);
        var record = Assert.Single(await DeliveryTestKit.DeliveriesAsync(host, id));
        Assert.Equal($"{record.GetProperty("alertId").GetString()}@alerts", mail.MessageId);
    }

    [Fact]
    public async Task One_click_unsubscribe_from_the_mail_header_disables_the_subscription_and_no_more_mails_follow()
    {
        using var smtp = SmtpTestServer.Start();
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString, Settings(smtp));
        var keyword = "kw" + TestData.NewId();
        var (id, _) = await DeliveryTestKit.SubscribeAsync(host, new { channel = "email", target = "desk@example.com", keywords = new[] { keyword } });
        await DeliveryTestKit.AlertAsync(host, DeliveryTestKit.UniqueDeal(keyword), id);
        var mail = await Eventually.ReturnsAsync(() => Task.FromResult(smtp.Messages.FirstOrDefault(m => m.Subject?.Contains(keyword, StringComparison.Ordinal) == true)), "the first mail");
        // The header names the public address; the host under test listens on a free loopback port, so post its path there.
        var unsubscribe = UnsubscribeUrlOf(mail).PathAndQuery.TrimStart('/');

        var page = await host.Client.GetAsync(unsubscribe);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await host.Admin.GetFromJsonAsync<JsonElement>($"api/subscriptions/{id}")).GetProperty("enabled").GetBoolean(), "GET alone unsubscribes nobody");

        var oneClick = await host.Client.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        var subscription = await host.Admin.GetFromJsonAsync<JsonElement>($"api/subscriptions/{id}");
        Assert.False(subscription.GetProperty("enabled").GetBoolean());
        Assert.Equal("unsubscribed", subscription.GetProperty("disabledReason").GetString());

        var second = DeliveryTestKit.UniqueDeal(keyword, $"Second deal ({keyword})");
        await DeliveryTestKit.AlertAsync(host, second, id);
        await Eventually.TrueAsync(
            async () => (await DeliveryTestKit.DeliveriesAsync(host, id)).Any(r => r.GetProperty("dealId").GetString() == second.Id && r.GetProperty("status").GetString() == "failed"),
            "the second alert refused");
        Assert.Single(smtp.Messages, m => m.Subject?.Contains(keyword, StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("api/unsubscribe")]
    [InlineData("api/unsubscribe?token=0123456789abcdef.forged")]
    public async Task A_missing_forged_or_altered_token_is_a_400_problem(string path)
    {
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString);
        var response = await host.Client.PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task A_token_altered_to_name_another_subscription_is_refused()
    {
        using var smtp = SmtpTestServer.Start();
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString, Settings(smtp));
        var keyword = "kw" + TestData.NewId();
        var (victim, _) = await DeliveryTestKit.SubscribeAsync(host, new { channel = "email", target = "victim@example.com", keywords = new[] { "kw" + TestData.NewId() } });
        var (mine, _) = await DeliveryTestKit.SubscribeAsync(host, new { channel = "email", target = "me@example.com", keywords = new[] { keyword } });
        await DeliveryTestKit.AlertAsync(host, DeliveryTestKit.UniqueDeal(keyword), mine);
        var mail = await Eventually.ReturnsAsync(() => Task.FromResult(smtp.Messages.FirstOrDefault(m => m.Subject?.Contains(keyword, StringComparison.Ordinal) == true)), "my mail");
        var token = Uri.UnescapeDataString(UnsubscribeUrlOf(mail).Query["?token=".Length..]);

        var altered = victim + token[token.IndexOf('.', StringComparison.Ordinal)..];
        var response = await host.Client.PostAsync("api/unsubscribe?token=" + Uri.EscapeDataString(altered), null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await host.Admin.GetFromJsonAsync<JsonElement>($"api/subscriptions/{victim}")).GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task A_digest_subscription_mode_is_validated()
    {
        await using var host = await RunningLocalHost.StartAsync(azurite.ConnectionString);
        var weekly = await host.PostAsync("api/subscriptions", new { channel = "email", target = "desk@example.com", mode = "weekly" });
        var webhookDigest = await host.PostAsync("api/subscriptions", new { channel = "webhook", target = "http://127.0.0.1:9/h", mode = "daily" });

        foreach (var response in new[] { weekly, webhookDigest })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("mode", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        }
    }

    private static Uri UnsubscribeUrlOf(MimeMessage mail) => new(mail.Headers["List-Unsubscribe"]!.Trim('<', '>'));
}
