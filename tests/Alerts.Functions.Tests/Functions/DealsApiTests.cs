using Alerts.Core.Deals;
using Alerts.Core.Storage;
using Alerts.Functions.Functions;
using Microsoft.AspNetCore.Mvc;
using Moq;

namespace Alerts.Functions.Tests.Functions;

public class DealsApiTests
{
    private readonly Mock<IDealStore> store = new();

    public DealsApiTests() =>
        store.Setup(s => s.ListAsync(It.IsAny<string?>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);

    private DealsApi Api() => new(new DealQueries(store.Object));

    [Fact]
    public async Task List_returns_200_with_the_default_limit()
    {
        var result = await Api().List(Requests.Get(), CancellationToken.None);

        var ok = Assert.IsType<ObjectResult>(result);
        Assert.Equal(200, ok.StatusCode);
        Assert.IsAssignableFrom<IReadOnlyList<Deal>>(ok.Value);
        store.Verify(s => s.ListAsync(null, DealQueries.DefaultLimit, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task List_passes_ticker_and_limit_from_the_query()
    {
        await Api().List(Requests.Get("?ticker=NASDAQ%3AGOOGL&limit=5"), CancellationToken.None);

        store.Verify(s => s.ListAsync("NASDAQ:GOOGL", 5, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Theory]
    [InlineData("?limit=0")]
    [InlineData("?limit=1000")]
    [InlineData("?limit=many")]
    public async Task List_rejects_bad_limit(string query)
    {
        ProblemAssert.IsProblem(await Api().List(Requests.Get(query), CancellationToken.None), 400, "limit");
        store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task List_rejects_ticker_without_symbol()
    {
        ProblemAssert.IsProblem(await Api().List(Requests.Get("?ticker=NASDAQ%3A"), CancellationToken.None), 400, "ticker");
    }
}
