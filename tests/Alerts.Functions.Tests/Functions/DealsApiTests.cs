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
        store.Setup(s => s.ListPageAsync(It.IsAny<DealFilter>(), It.IsAny<string?>(), It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync(new StorePage<Deal>([], null));

    private DealsApi Api() => new(new DealQueries(store.Object));

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
