using System.Net;
using System.Text.Json;
using Alerts.Core.Configuration;
using Alerts.Core.Deals;
using Alerts.Core.Delivery;
using Alerts.Core.Extraction;
using Alerts.Core.Subscriptions;
using Alerts.Core.Tests.Security;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Alerts.Core.Tests.Delivery;

public class WebhookChannelTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);

    private static readonly Deal Deal = new()
    {
        Id = "deal1",
        FeedId = "feed1",
        ItemId = "item1",
        Title = "SoftBank to invest $30 billion",
        Link = "https://news.example.com/a/1",
        Amounts = [new MoneyAmount(30_000_000_000m, "USD", AmountQualifier.UpperBound, new TextEvidence(0, 11, "$30 billion"))],
        Tickers =
        [
            new TickerMention("9984.T", "9984", "XTKS", new TextEvidence(0, 6, "9984.T")),
            new TickerMention("9984.t", "9984", "XTKS", new TextEvidence(10, 6, "9984.t")),
        ],
        Created = Now,
    };

    private static readonly Subscription Subscription = new()
    {
        Id = "sub1",
        Channel = SubscriptionChannel.Webhook,
        Target = "https://hooks.example.com/alerts",
        Created = Now,
    };

    private static (WebhookChannel Channel, List<(HttpRequestMessage Request, string Body)> Requests) Channel(Func<HttpResponseMessage> respond)
    {
        var requests = new List<(HttpRequestMessage, string)>();
        var handler = new StubHandler(async request =>
        {
            requests.Add((request, await request.Content!.ReadAsStringAsync()));
            return respond();
        });
        var factory = new Mock<IHttpClientFactory>();
        factory.Setup(f => f.CreateClient(WebhookChannel.HttpClientName)).Returns(() => new HttpClient(handler, disposeHandler: false));
        var channel = new WebhookChannel(factory.Object, new FakeTimeProvider(Now), new StaticOptionsMonitor<DeliveryOptions>(new DeliveryOptions()));
        return (channel, requests);
    }

    [Fact]
    public async Task Posts_the_deal_as_json_with_the_alert_id_header()
    {
        var (channel, requests) = Channel(() => new HttpResponseMessage(HttpStatusCode.NoContent));

        var attempt = await channel.SendAsync("alert1", Deal, Subscription, CancellationToken.None);

        Assert.True(attempt.Succeeded);
        var (request, body) = Assert.Single(requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(new Uri("https://hooks.example.com/alerts"), request.RequestUri);
        Assert.Equal("alert1", Assert.Single(request.Headers.GetValues("webhook-id")));
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal("deal.matched", root.GetProperty("type").GetString());
        Assert.Equal("alert1", root.GetProperty("id").GetString());
        Assert.Equal("sub1", root.GetProperty("subscription").GetProperty("id").GetString());
        Assert.Equal("https://news.example.com/a/1", root.GetProperty("deal").GetProperty("url").GetString());
        Assert.Equal(["9984.T"], root.GetProperty("deal").GetProperty("tickers").EnumerateArray().Select(t => t.GetString()));
        var amount = Assert.Single(root.GetProperty("deal").GetProperty("amounts").EnumerateArray().ToList());
        Assert.Equal("upperBound", amount.GetProperty("qualifier").GetString());
        Assert.Equal(30_000_000_000m, amount.GetProperty("value").GetDecimal());
    }

    [Theory]
    [InlineData(HttpStatusCode.Gone, true)]
    [InlineData(HttpStatusCode.NotFound, true)]
    [InlineData(HttpStatusCode.BadRequest, true)]
    [InlineData(HttpStatusCode.RequestTimeout, false)]
    [InlineData(HttpStatusCode.TooManyRequests, false)]
    [InlineData(HttpStatusCode.InternalServerError, false)]
    [InlineData(HttpStatusCode.ServiceUnavailable, false)]
    [InlineData(HttpStatusCode.Found, false)]
    public async Task Classifies_error_statuses_as_permanent_or_worth_retrying(HttpStatusCode status, bool permanent)
    {
        var (channel, _) = Channel(() => new HttpResponseMessage(status));

        var attempt = await channel.SendAsync("alert1", Deal, Subscription, CancellationToken.None);

        Assert.False(attempt.Succeeded);
        Assert.Equal(permanent, attempt.Permanent);
    }

    [Fact]
    public async Task Connection_failure_is_worth_retrying()
    {
        var (channel, _) = Channel(() => throw new HttpRequestException("Refused to connect"));

        var attempt = await channel.SendAsync("alert1", Deal, Subscription, CancellationToken.None);

        Assert.False(attempt.Succeeded);
        Assert.False(attempt.Permanent);
        Assert.Equal("Refused to connect", attempt.Error);
    }
}

/// <summary>An <see cref="HttpMessageHandler"/> that answers from a delegate (no network).</summary>
internal sealed class StubHandler(Func<HttpRequestMessage, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => respond(request);
}
