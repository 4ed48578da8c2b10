using Alerts.Core.Deals;
using Alerts.Core.Storage;
using Moq;

namespace Alerts.Core.Tests.Deals;

public class DealQueriesTests
{
    private readonly Mock<IDealStore> store = new();

    public DealQueriesTests() =>
        store.Setup(s => s.ListAsync(It.IsAny<string?>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);

    [Fact]
    public async Task Lists_the_default_number_of_deals_without_a_filter()
    {
        var result = await new DealQueries(store.Object).ListAsync(null, null, CancellationToken.None);

        Assert.Equal(200, result.Status);
        store.Verify(s => s.ListAsync(null, DealQueries.DefaultLimit, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Passes_ticker_and_limit_to_the_store()
    {
        await new DealQueries(store.Object).ListAsync("NASDAQ:GOOGL", "10", CancellationToken.None);

        store.Verify(s => s.ListAsync("NASDAQ:GOOGL", 10, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("501")]
    [InlineData("-1")]
    [InlineData("ten")]
    [InlineData("1.5")]
    public async Task Rejects_limit_outside_1_to_500(string limit)
    {
        var result = await new DealQueries(store.Object).ListAsync(null, limit, CancellationToken.None);

        Assert.Equal(400, result.Status);
        Assert.Equal("limit", result.Problem!.Field);
        store.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("NASDAQ:")]
    [InlineData("   ")]
    public async Task Rejects_ticker_that_names_no_symbol(string ticker)
    {
        var result = await new DealQueries(store.Object).ListAsync(ticker, null, CancellationToken.None);

        Assert.Equal(400, result.Status);
        Assert.Equal("ticker", result.Problem!.Field);
        store.VerifyNoOtherCalls();
    }
}
