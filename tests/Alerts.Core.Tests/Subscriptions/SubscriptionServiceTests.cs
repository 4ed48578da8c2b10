using Alerts.Core.Configuration;
using Alerts.Core.Deals;
using Alerts.Core.Security;
using Alerts.Core.Storage;
using Alerts.Core.Subscriptions;
using Alerts.Core.Subscriptions.Matching;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Alerts.Core.Tests.Subscriptions;

public class SubscriptionServiceTests
{
    private readonly Mock<ISubscriptionStore> store = new(MockBehavior.Strict);
    private readonly Mock<IWatchlistStore> watchlists = new();
    private readonly SubscriptionService service;

    public SubscriptionServiceTests()
    {
        var options = Mock.Of<IOptionsMonitor<AlertsOptions>>(o => o.CurrentValue == new AlertsOptions());
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        watchlists.Setup(w => w.ListAsync(It.IsAny<CancellationToken>()))
            .ReturnsAsync([new Watchlist { Name = "chips", Updated = DateTimeOffset.UnixEpoch }]);
        var index = new SubscriptionIndexProvider(store.Object, watchlists.Object, new ApproximateUsdValuer(),
            Mock.Of<IOptionsMonitor<MatchingOptions>>(o => o.CurrentValue == new MatchingOptions()), clock, NullLogger<SubscriptionIndexProvider>.Instance);
        var dispatcher = new AlertDispatcher(Mock.Of<IDeliveryStore>(), Mock.Of<IMessageQueue>(), clock, NullLogger<AlertDispatcher>.Instance);
        service = new SubscriptionService(store.Object, watchlists.Object, Mock.Of<IDealStore>(), dispatcher, new OutboundRequestGuard(options), index,
            new ApproximateUsdValuer(), options, clock, NullLogger<SubscriptionService>.Instance);
    }

    public static TheoryData<CreateSubscriptionRequest, string> Invalid => new()
    {
        { new CreateSubscriptionRequest("sms", "a@example.com", null, null), "channel" },
        { new CreateSubscriptionRequest("Email", "a@example.com", null, null), "channel" },
        { new CreateSubscriptionRequest("email", null, null, null), "target" },
        { new CreateSubscriptionRequest("webhook", "http://10.0.0.1/x", null, null), "target" },
        { new CreateSubscriptionRequest("email", "a@example.com", ["ok", "no way!"], null), "tickers[1]" },
        { new CreateSubscriptionRequest("email", "a@example.com", null, [""]), "keywords[0]" },
        { new CreateSubscriptionRequest("email", "a@example.com", null, null) { Watchlists = ["missing"] }, "watchlists[0]" },
        { new CreateSubscriptionRequest("email", "a@example.com", null, null) { Watchlists = ["bad name"] }, "watchlists[0]" },
        { new CreateSubscriptionRequest("email", "a@example.com", null, null) { Languages = ["english"] }, "languages[0]" },
        { new CreateSubscriptionRequest("email", "a@example.com", null, null) { MinAmount = new MoneyRequest(-1, "USD") }, "minAmount.value" },
        { new CreateSubscriptionRequest("email", "a@example.com", null, null) { MinAmount = new MoneyRequest(1, "XXX") }, "minAmount.currency" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Invalid_subscriptions_are_refused_naming_the_field_and_nothing_is_stored(CreateSubscriptionRequest request, string field)
    {
        var result = await service.CreateAsync(request, default);

        Assert.Equal(400, result.Status);
        Assert.Equal(field, result.Problem?.Field);
        store.Verify(s => s.AddAsync(It.IsAny<Subscription>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task A_valid_subscription_is_stored_once_with_its_filters_and_returned_with_an_etag()
    {
        store.Setup(s => s.AddAsync(It.IsAny<Subscription>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        var request = new CreateSubscriptionRequest("webhook", "https://example.com/hook", ["GOOGL.O"], ["chips"])
        {
            Watchlists = ["chips"], MinAmount = new MoneyRequest(5_000_000, "EUR"), Languages = ["en", "fr"],
        };

        var result = await service.CreateAsync(request, default);

        Assert.Equal(201, result.Status);
        Assert.NotNull(result.ETag);
        Assert.Equal(new Money(5_000_000, "EUR"), result.Value!.MinAmount);
        store.Verify(s => s.AddAsync(It.Is<Subscription>(x => x.Watchlists.SequenceEqual(new[] { "chips" })), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task An_update_with_a_stale_if_match_is_412_and_writes_nothing()
    {
        var existing = MatchingData.Subscription(keywords: ["old"]);
        store.Setup(s => s.GetVersionedAsync(existing.Id, It.IsAny<CancellationToken>())).ReturnsAsync(new Versioned<Subscription>(existing, "v1"));

        var result = await service.UpdateAsync(existing.Id, new UpdateSubscriptionRequest { Keywords = ["new"] }, "\"not-current\"", default);

        Assert.Equal(412, result.Status);
        store.Verify(s => s.ReplaceAsync(It.IsAny<Subscription>(), It.IsAny<Versioned<Subscription>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task An_update_with_the_current_etag_replaces_only_the_members_given()
    {
        var existing = MatchingData.Subscription(tickers: ["9984.T"], keywords: ["old"]);
        store.Setup(s => s.GetVersionedAsync(existing.Id, It.IsAny<CancellationToken>())).ReturnsAsync(new Versioned<Subscription>(existing, "v1"));
        store.Setup(s => s.ReplaceAsync(It.IsAny<Subscription>(), It.IsAny<Versioned<Subscription>>(), It.IsAny<CancellationToken>())).ReturnsAsync(WriteOutcome.Done);

        var result = await service.UpdateAsync(existing.Id, new UpdateSubscriptionRequest { Keywords = ["new"], Enabled = false }, SubscriptionService.ETagOf(existing), default);

        Assert.Equal(200, result.Status);
        Assert.Equal(["9984.T"], result.Value!.Tickers);
        Assert.Equal(["new"], result.Value.Keywords);
        Assert.False(result.Value.Enabled);
        Assert.NotNull(result.Value.DisabledReason);
        Assert.NotEqual(SubscriptionService.ETagOf(existing), result.ETag);
    }

    [Fact]
    public async Task A_concurrent_write_between_read_and_replace_is_412()
    {
        var existing = MatchingData.Subscription(keywords: ["old"]);
        store.Setup(s => s.GetVersionedAsync(existing.Id, It.IsAny<CancellationToken>())).ReturnsAsync(new Versioned<Subscription>(existing, "v1"));
        store.Setup(s => s.ReplaceAsync(It.IsAny<Subscription>(), It.IsAny<Versioned<Subscription>>(), It.IsAny<CancellationToken>())).ReturnsAsync(WriteOutcome.Stale);

        var result = await service.UpdateAsync(existing.Id, new UpdateSubscriptionRequest { Keywords = ["new"] }, null, default);

        Assert.Equal(412, result.Status);
    }

    [Theory]
    [InlineData("abc/../x")]
    [InlineData("")]
    [InlineData("'; drop table --")]
    public async Task Ids_that_cannot_exist_are_404_without_a_storage_call(string id)
    {
        var result = await service.GetAsync(id, default);

        Assert.Equal(404, result.Status);
    }
}
