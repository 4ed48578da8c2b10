using Alerts.Core.Deals;
using Alerts.Core.Configuration;
using Alerts.Core.Security;
using Alerts.Core.Storage;
using Alerts.Core.Subscriptions;
using Alerts.Functions.Functions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Alerts.Functions.Tests.Functions;

public class SubscriptionsApiTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private readonly Mock<ISubscriptionStore> store = new();

    private SubscriptionsApi Api() => new(new SubscriptionService(
        store.Object,
        Mock.Of<IDealStore>(MockBehavior.Strict),
        new AlertDispatcher(Mock.Of<IDeliveryStore>(MockBehavior.Strict), Mock.Of<IMessageQueue>(MockBehavior.Strict), new FakeTimeProvider(Now), NullLogger<AlertDispatcher>.Instance),
        new OutboundRequestGuard(new StaticOptionsMonitor<AlertsOptions>(new AlertsOptions())),
        new StaticOptionsMonitor<AlertsOptions>(new AlertsOptions()),
        new FakeTimeProvider(Now),
        NullLogger<SubscriptionService>.Instance));

    private static Subscription Stored(string id) => new() { Id = id, Channel = SubscriptionChannel.Email, Target = "ops@example.com", Created = Now };

    [Fact]
    public async Task Create_returns_201_with_the_subscription()
    {
        var result = await Api().Create(Requests.Json("""{"channel":"webhook","target":"https://hooks.example.com/a","tickers":["NASDAQ:GOOGL"]}"""), CancellationToken.None);

        var created = Assert.IsType<ObjectResult>(result);
        Assert.Equal(201, created.StatusCode);
        var subscription = Assert.IsType<SubscriptionResource>(created.Value);
        Assert.Equal(SubscriptionChannel.Webhook, subscription.Channel);
        Assert.Equal(["NASDAQ:GOOGL"], subscription.Tickers);
        store.Verify(s => s.AddAsync(It.Is<Subscription>(x => x.Id == subscription.Id && x.Secret != null), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Create_rejects_webhook_url_pointing_at_metadata_address()
    {
        var result = await Api().Create(Requests.Json("""{"channel":"webhook","target":"http://169.254.169.254/latest/meta-data/"}"""), CancellationToken.None);

        var problem = ProblemAssert.IsProblem(result, 400, "target");
        Assert.Equal("Invalid request", problem.Title);
        store.Verify(s => s.AddAsync(It.IsAny<Subscription>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Create_rejects_email_target_with_header_injection()
    {
        var result = await Api().Create(Requests.Json("""{"channel":"email","target":"ops@example.com\r\nBcc: all@example.com"}"""), CancellationToken.None);

        ProblemAssert.IsProblem(result, 400, "target");
        store.Verify(s => s.AddAsync(It.IsAny<Subscription>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Create_names_an_unknown_field()
    {
        var result = await Api().Create(Requests.Json("""{"channel":"email","target":"ops@example.com","tikers":[]}"""), CancellationToken.None);

        ProblemAssert.IsProblem(result, 400, "tikers");
        store.Verify(s => s.AddAsync(It.IsAny<Subscription>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Create_names_the_field_of_the_wrong_type()
    {
        var result = await Api().Create(Requests.Json("""{"channel":"email","target":"ops@example.com","keywords":"merger"}"""), CancellationToken.None);

        ProblemAssert.IsProblem(result, 400, "keywords");
    }

    [Fact]
    public async Task Create_with_empty_body_is_a_400_on_the_body()
    {
        var result = await Api().Create(Requests.Json(string.Empty), CancellationToken.None);

        ProblemAssert.IsProblem(result, 400, "body");
    }

    [Fact]
    public async Task Create_with_oversized_body_is_413()
    {
        var result = await Api().Create(Requests.Json("{\"target\":\"" + new string('a', 70_000) + "\"}"), CancellationToken.None);

        ProblemAssert.IsProblem(result, 413);
    }

    [Fact]
    public async Task List_returns_200_with_the_subscriptions()
    {
        store.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).Returns(new[] { Stored("a1"), Stored("b2") }.ToAsyncEnumerable());

        var result = await Api().List(Requests.Get(), CancellationToken.None);

        var ok = Assert.IsType<OkObjectResult>(result);
        Assert.Equal(["a1", "b2"], Assert.IsAssignableFrom<IReadOnlyList<SubscriptionResource>>(ok.Value).Select(s => s.Id));
    }

    [Fact]
    public async Task Get_returns_200_with_the_subscription()
    {
        store.Setup(s => s.GetAsync("a1", It.IsAny<CancellationToken>())).ReturnsAsync(Stored("a1"));

        var result = await Api().Get(Requests.Get(), "a1", CancellationToken.None);

        var ok = Assert.IsType<ObjectResult>(result);
        Assert.Equal(200, ok.StatusCode);
        Assert.Equal("a1", Assert.IsType<SubscriptionResource>(ok.Value).Id);
    }

    [Fact]
    public async Task Get_of_unknown_id_is_404_problem()
    {
        var result = await Api().Get(Requests.Get(), "a1", CancellationToken.None);

        var problem = ProblemAssert.IsProblem(result, 404);
        Assert.Equal("Not found", problem.Title);
        Assert.False(problem.Extensions.ContainsKey("field"));
    }

    [Fact]
    public async Task Delete_returns_204_when_the_subscription_existed()
    {
        store.Setup(s => s.DeleteAsync("a1", It.IsAny<CancellationToken>())).ReturnsAsync(true);

        Assert.IsType<NoContentResult>(await Api().Delete(Requests.Get(), "a1", CancellationToken.None));
    }

    [Fact]
    public async Task Delete_of_unknown_id_is_404_problem()
    {
        store.Setup(s => s.DeleteAsync("a1", It.IsAny<CancellationToken>())).ReturnsAsync(false);

        ProblemAssert.IsProblem(await Api().Delete(Requests.Get(), "a1", CancellationToken.None), 404);
    }
}
