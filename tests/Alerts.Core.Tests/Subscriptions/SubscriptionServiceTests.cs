using Alerts.Core.Deals;
using Alerts.Core.Configuration;
using Alerts.Core.Security;
using Alerts.Core.Storage;
using Alerts.Core.Subscriptions;
using Alerts.Core.Tests.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Alerts.Core.Tests.Subscriptions;

public class SubscriptionServiceTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private readonly Mock<ISubscriptionStore> store = new(MockBehavior.Strict);
    private readonly AlertsOptions options = new();

    private SubscriptionService Service() => new(
        store.Object,
        Mock.Of<IDealStore>(MockBehavior.Strict),
        new AlertDispatcher(Mock.Of<IDeliveryStore>(MockBehavior.Strict), Mock.Of<IMessageQueue>(MockBehavior.Strict), new FakeTimeProvider(Now), NullLogger<AlertDispatcher>.Instance),
        new OutboundRequestGuard(new StaticOptionsMonitor<AlertsOptions>(options)),
        new StaticOptionsMonitor<AlertsOptions>(options),
        new FakeTimeProvider(Now),
        NullLogger<SubscriptionService>.Instance);

    private void StoreAccepts() =>
        store.Setup(s => s.AddAsync(It.IsAny<Subscription>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

    private async Task AssertRejected(CreateSubscriptionRequest request, string field)
    {
        var result = await Service().CreateAsync(request, CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.Equal(400, result.Status);
        Assert.Equal(field, result.Problem!.Field);
        store.Verify(s => s.AddAsync(It.IsAny<Subscription>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Create_stores_an_email_subscription_and_returns_201()
    {
        StoreAccepts();

        var result = await Service().CreateAsync(new CreateSubscriptionRequest("email", "ops@example.com", ["9984.T"], ["SoftBank"]), CancellationToken.None);

        Assert.Equal(201, result.Status);
        var subscription = result.Value!;
        Assert.Equal(SubscriptionChannel.Email, subscription.Channel);
        Assert.Equal("ops@example.com", subscription.Target);
        Assert.Equal(["9984.T"], subscription.Tickers);
        Assert.Equal(["SoftBank"], subscription.Keywords);
        Assert.Equal(Now, subscription.Created);
        Assert.True(subscription.Enabled);
        Assert.Matches("^[0-9a-f]{24}$", subscription.Id);
        store.Verify(s => s.AddAsync(subscription, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Create_accepts_channel_in_any_case_and_trims_target_tickers_and_keywords()
    {
        StoreAccepts();

        var result = await Service().CreateAsync(new CreateSubscriptionRequest(" Webhook ", " https://hooks.example.com/alerts ", [" GOOGL.O "], ["  buyback "]), CancellationToken.None);

        var subscription = result.Value!;
        Assert.Equal(SubscriptionChannel.Webhook, subscription.Channel);
        Assert.Equal("https://hooks.example.com/alerts", subscription.Target);
        Assert.Equal(["GOOGL.O"], subscription.Tickers);
        Assert.Equal(["buyback"], subscription.Keywords);
    }

    [Fact]
    public async Task Create_without_filters_stores_empty_lists()
    {
        StoreAccepts();

        var result = await Service().CreateAsync(new CreateSubscriptionRequest("email", "ops@example.com", null, null), CancellationToken.None);

        Assert.Empty(result.Value!.Tickers);
        Assert.Empty(result.Value!.Keywords);
    }

    [Fact]
    public async Task Create_gives_each_subscription_a_new_id()
    {
        StoreAccepts();
        var service = Service();
        var request = new CreateSubscriptionRequest("email", "ops@example.com", null, null);

        var first = await service.CreateAsync(request, CancellationToken.None);
        var second = await service.CreateAsync(request, CancellationToken.None);

        Assert.NotEqual(first.Value!.Id, second.Value!.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sms")]
    [InlineData("e-mail")]
    public async Task Create_rejects_missing_or_unknown_channel(string? channel)
    {
        await AssertRejected(new CreateSubscriptionRequest(channel, "ops@example.com", null, null), "channel");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Create_rejects_missing_target(string? target)
    {
        await AssertRejected(new CreateSubscriptionRequest("email", target, null, null), "target");
    }

    [Fact]
    public async Task Create_rejects_target_longer_than_the_limit()
    {
        var target = "https://example.com/" + new string('a', SubscriptionService.MaxTargetLength);
        await AssertRejected(new CreateSubscriptionRequest("webhook", target, null, null), "target");
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("ops@example.com\r\nBcc: victim@example.com")]
    [InlineData("ops@example.com\nBcc: victim@example.com")]
    [InlineData("ops\r@example.com")]
    [InlineData("Ops <ops@example.com>")]
    [InlineData("\"Ops Team\" <ops@example.com>")]
    [InlineData("ops@example.com, other@example.com")]
    public async Task Create_rejects_email_target_that_is_not_a_plain_address(string target)
    {
        await AssertRejected(new CreateSubscriptionRequest("email", target, null, null), "target");
    }

    [Theory]
    [InlineData("hooks.example.com/alerts")]
    [InlineData("/alerts")]
    [InlineData("ftp://hooks.example.com/alerts")]
    [InlineData("file:///etc/passwd")]
    [InlineData("https://user:pass@hooks.example.com/alerts")]
    public async Task Create_rejects_webhook_url_that_is_not_absolute_http_without_credentials(string target)
    {
        await AssertRejected(new CreateSubscriptionRequest("webhook", target, null, null), "target");
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://168.63.129.16/")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://192.168.0.1/hook")]
    [InlineData("http://[fd00::1]/hook")]
    public async Task Create_rejects_webhook_url_pointing_at_private_or_metadata_address(string target)
    {
        await AssertRejected(new CreateSubscriptionRequest("webhook", target, null, null), "target");
    }

    [Fact]
    public async Task Create_rejects_webhook_url_pointing_at_metadata_address_even_when_loopback_is_allowed()
    {
        options.AllowLoopback = true;
        await AssertRejected(new CreateSubscriptionRequest("webhook", "http://169.254.169.254/", null, null), "target");
    }

    [Theory]
    [InlineData("http://127.0.0.1:9000/hook")]
    [InlineData("http://localhost:9000/hook")]
    [InlineData("http://[::1]:9000/hook")]
    public async Task Create_rejects_loopback_webhook_unless_AllowLoopback(string target)
    {
        await AssertRejected(new CreateSubscriptionRequest("webhook", target, null, null), "target");

        options.AllowLoopback = true;
        StoreAccepts();
        var result = await Service().CreateAsync(new CreateSubscriptionRequest("webhook", target, null, null), CancellationToken.None);
        Assert.Equal(201, result.Status);
    }

    [Fact]
    public async Task Create_explains_why_a_webhook_url_is_refused()
    {
        var result = await Service().CreateAsync(new CreateSubscriptionRequest("webhook", "http://10.0.0.1/", null, null), CancellationToken.None);

        Assert.Equal("The webhook URL must not point at a private address.", result.Problem!.Detail);
    }

    [Theory]
    [InlineData("NASDAQ:GOOGL")]
    [InlineData("9984.T")]
    [InlineData("BRK-B")]
    [InlineData("BRK_B")]
    [InlineData("NYSE: IBM")]
    public async Task Create_accepts_tickers_as_commonly_written(string ticker)
    {
        StoreAccepts();

        var result = await Service().CreateAsync(new CreateSubscriptionRequest("email", "ops@example.com", [ticker], null), CancellationToken.None);

        Assert.Equal(201, result.Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("GOOGL;DROP")]
    [InlineData("$GOOGL")]
    [InlineData("ÄPPL")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")]
    public async Task Create_rejects_malformed_ticker_naming_its_index(string ticker)
    {
        await AssertRejected(new CreateSubscriptionRequest("email", "ops@example.com", ["GOOGL.O", ticker], null), "tickers[1]");
    }

    [Theory]
    [InlineData("NASDAQ:")]
    [InlineData("NYSE: ")]
    public async Task Create_rejects_exchange_prefix_without_a_symbol(string ticker)
    {
        await AssertRejected(new CreateSubscriptionRequest("email", "ops@example.com", [ticker], null), "tickers[0]");
    }

    [Fact]
    public async Task Create_rejects_null_ticker_in_the_list()
    {
        await AssertRejected(new CreateSubscriptionRequest("email", "ops@example.com", [null!], null), "tickers[0]");
    }

    [Fact]
    public async Task Create_accepts_up_to_the_list_limit_and_rejects_more()
    {
        var atLimit = Enumerable.Range(0, SubscriptionService.MaxListLength).Select(i => $"T{i}").ToList();
        StoreAccepts();
        Assert.Equal(201, (await Service().CreateAsync(new CreateSubscriptionRequest("email", "ops@example.com", atLimit, atLimit), CancellationToken.None)).Status);

        var overLimit = Enumerable.Range(0, SubscriptionService.MaxListLength + 1).Select(i => $"T{i}").ToList();
        store.Invocations.Clear();
        await AssertRejected(new CreateSubscriptionRequest("email", "ops@example.com", overLimit, null), "tickers");
        await AssertRejected(new CreateSubscriptionRequest("email", "ops@example.com", null, overLimit), "keywords");
    }

    [Fact]
    public async Task Create_rejects_blank_or_overlong_keyword_naming_its_index()
    {
        await AssertRejected(new CreateSubscriptionRequest("email", "ops@example.com", null, ["ok", "  "]), "keywords[1]");
        await AssertRejected(new CreateSubscriptionRequest("email", "ops@example.com", null, [new string('k', 201)]), "keywords[0]");
    }

    [Fact]
    public async Task Create_accepts_keyword_of_200_characters()
    {
        StoreAccepts();

        var result = await Service().CreateAsync(new CreateSubscriptionRequest("email", "ops@example.com", null, [new string('k', 200)]), CancellationToken.None);

        Assert.Equal(201, result.Status);
    }

    [Fact]
    public async Task Get_returns_the_stored_subscription()
    {
        var stored = new Subscription { Id = "abc123", Channel = SubscriptionChannel.Email, Target = "ops@example.com", Created = Now };
        store.Setup(s => s.GetAsync("abc123", It.IsAny<CancellationToken>())).ReturnsAsync(stored);

        var result = await Service().GetAsync("abc123", CancellationToken.None);

        Assert.Equal(200, result.Status);
        Assert.Same(stored, result.Value);
    }

    [Fact]
    public async Task Get_returns_404_problem_for_unknown_id()
    {
        store.Setup(s => s.GetAsync("abc123", It.IsAny<CancellationToken>())).ReturnsAsync((Subscription?)null);

        var result = await Service().GetAsync("abc123", CancellationToken.None);

        Assert.Equal(404, result.Status);
        Assert.Equal("Not found", result.Problem!.Title);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../feeds")]
    [InlineData("abc'or'1")]
    public async Task Get_returns_404_for_malformed_id_without_asking_the_store(string id)
    {
        var result = await Service().GetAsync(id, CancellationToken.None);

        Assert.Equal(404, result.Status);
        store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Get_returns_404_for_id_longer_than_64_characters_without_asking_the_store()
    {
        var result = await Service().GetAsync(new string('a', 65), CancellationToken.None);

        Assert.Equal(404, result.Status);
        store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Delete_reports_whether_the_subscription_existed()
    {
        store.Setup(s => s.DeleteAsync("abc123", It.IsAny<CancellationToken>())).ReturnsAsync(true);
        store.Setup(s => s.DeleteAsync("def456", It.IsAny<CancellationToken>())).ReturnsAsync(false);

        Assert.True(await Service().DeleteAsync("abc123", CancellationToken.None));
        Assert.False(await Service().DeleteAsync("def456", CancellationToken.None));
    }

    [Fact]
    public async Task Delete_of_malformed_id_is_false_without_asking_the_store()
    {
        Assert.False(await Service().DeleteAsync("a/b", CancellationToken.None));
        store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task List_returns_every_stored_subscription_in_store_order()
    {
        var a = new Subscription { Id = "a", Channel = SubscriptionChannel.Email, Target = "a@example.com", Created = Now };
        var b = new Subscription { Id = "b", Channel = SubscriptionChannel.Webhook, Target = "https://example.com/", Created = Now };
        store.Setup(s => s.ListAsync(It.IsAny<CancellationToken>())).Returns(new[] { a, b }.ToAsyncEnumerable());

        var list = await Service().ListAsync(CancellationToken.None);

        Assert.Equal([a, b], list);
    }
}
