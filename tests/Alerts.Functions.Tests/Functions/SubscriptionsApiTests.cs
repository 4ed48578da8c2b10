using Alerts.Core.Configuration;
using Alerts.Core.Deals;
using Alerts.Core.Security;
using Alerts.Core.Storage;
using Alerts.Core.Subscriptions;
using Alerts.Core.Subscriptions.Matching;
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
    private readonly List<Subscription> added = [];

    public SubscriptionsApiTests() =>
        store.Setup(s => s.AddAsync(It.IsAny<Subscription>(), It.IsAny<CancellationToken>()))
            .Callback((Subscription s, CancellationToken _) => added.Add(s)).Returns(Task.CompletedTask);

    private SubscriptionsApi Api()
    {
        var options = new StaticOptionsMonitor<AlertsOptions>(new AlertsOptions());
        var clock = new FakeTimeProvider(Now);
        var watchlists = new Mock<IWatchlistStore>();
        watchlists.Setup(w => w.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
        var index = new SubscriptionIndexProvider(store.Object, watchlists.Object, new ApproximateUsdValuer(),
            new StaticOptionsMonitor<MatchingOptions>(new MatchingOptions()), clock, NullLogger<SubscriptionIndexProvider>.Instance);
        var dispatcher = new AlertDispatcher(Mock.Of<Core.Storage.IDeliveryStore>(), Mock.Of<IMessageQueue>(), clock, NullLogger<AlertDispatcher>.Instance);
        return new SubscriptionsApi(new SubscriptionService(store.Object, watchlists.Object, Mock.Of<IDealStore>(), dispatcher, new OutboundRequestGuard(options), index,
            new ApproximateUsdValuer(), options, clock, NullLogger<SubscriptionService>.Instance));
    }

    [Fact]
    public async Task Create_returns_201_with_the_webhook_secret_which_reads_never_show()
    {
        var result = await Api().Create(Requests.Json("""{"channel":"webhook","target":"https://hooks.example.com/a","tickers":["NASDAQ:GOOGL"]}"""), CancellationToken.None);

        var created = Assert.IsType<SubscriptionResource>(Assert.IsAssignableFrom<ObjectResult>(Unwrap(result)).Value);
        Assert.Equal(201, Assert.IsAssignableFrom<ObjectResult>(Unwrap(result)).StatusCode);
        Assert.StartsWith("whsec_", created.Secret, StringComparison.Ordinal);
        var stored = Assert.Single(added);
        Assert.Equal(created.Secret, stored.Secret);

        store.Setup(s => s.GetAsync(stored.Id, It.IsAny<CancellationToken>())).ReturnsAsync(stored);
        var read = await Api().Get(Requests.Json("{}"), stored.Id, CancellationToken.None);
        Assert.Null(Assert.IsType<SubscriptionResource>(Assert.IsAssignableFrom<ObjectResult>(Unwrap(read)).Value).Secret);
    }

    [Fact]
    public async Task Create_with_an_unknown_channel_is_400_naming_channel_and_stores_nothing()
    {
        var result = await Api().Create(Requests.Json("""{"channel":"sms","target":"a@example.com"}"""), CancellationToken.None);

        var problem = Assert.IsType<ProblemDetails>(Assert.IsAssignableFrom<ObjectResult>(Unwrap(result)).Value);
        Assert.Equal(400, problem.Status);
        Assert.Equal("channel", problem.Extensions["field"]);
        Assert.Empty(added);
    }

    // Results that carry an ETag wrap the inner result; the body is what these tests check.
    private static IActionResult Unwrap(IActionResult result) => result is Alerts.Functions.Http.WithETag tagged ? tagged.Inner : result;
}
