using Alerts.Core.Api;
using Alerts.Core.Deals;
using Alerts.Core.Extraction;
using Alerts.Core.Storage;
using Moq;

namespace Alerts.Core.Tests.Deals;

public sealed class DealQueriesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);

    // Strict: a refused query must not reach storage at all.
    private readonly Mock<IDealStore> store = new(MockBehavior.Strict);
    private readonly List<(DealFilter Filter, string? After, int Limit)> reads = [];

    private DealQueries Queries() => new(store.Object);

    private void StoreAnswers(params StorePage<Deal>[] pages)
    {
        var next = new Queue<StorePage<Deal>>(pages);
        store.Setup(s => s.ListPageAsync(It.IsAny<DealFilter>(), It.IsAny<string?>(), It.IsAny<int>(), It.IsAny<CancellationToken>()))
            .Callback<DealFilter, string?, int, CancellationToken>((filter, after, limit, _) => reads.Add((filter, after, limit)))
            .ReturnsAsync(() => next.Dequeue());
    }

    private Task<ApiResult<Page<DealResource>>> List(string? ticker = null, string? since = null, string? minUsd = null, string? cursor = null, string? limit = null) =>
        Queries().ListAsync(ticker, since, minUsd, cursor, limit, CancellationToken.None);

    private static Deal Deal(string id, IReadOnlyList<DealSource>? sources = null) => new()
    {
        Id = id,
        FeedId = "feed-1",
        ItemId = "item-" + id,
        Title = "SoftBank weighs up to $30 billion investment",
        Link = "https://news.example.com/" + id,
        Amounts = [new MoneyAmount(30_000_000_000m, "USD", AmountQualifier.UpperBound, new TextEvidence(19, 11, "$30 billion"))],
        Tickers = [new TickerMention("9984.T", "9984", "XTKS", new TextEvidence(0, 6, "9984.T"))],
        LargestUsd = 30_000_000_000m,
        Created = Now,
        Sources = sources ?? [],
    };

    private static void AssertInvalid<T>(ApiResult<T> result, string field)
    {
        Assert.Equal(400, result.Status);
        Assert.Equal("Invalid request", result.Problem?.Title);
        Assert.Equal(field, result.Problem?.Field);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("501")]
    [InlineData("-1")]
    [InlineData("many")]
    [InlineData("2.5")]
    [InlineData(" 5")]
    public async Task A_limit_outside_1_to_500_is_400_on_limit(string limit)
    {
        AssertInvalid(await List(limit: limit), "limit");
        store.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("NASDAQ:")]
    [InlineData("no way!")]
    [InlineData("$")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")] // 33 characters
    public async Task A_ticker_that_is_not_a_symbol_is_400_on_ticker(string ticker)
    {
        AssertInvalid(await List(ticker: ticker), "ticker");
        store.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2026-13-01")]
    [InlineData("Thursday, 26 November 2026 06:00:00 +00:00")]
    [InlineData("26 November 2026")] // a date .NET reads, but not ISO 8601
    [InlineData("11/26/2026")]
    [InlineData("2026-11-26 06:00:00")] // a space instead of T
    public async Task A_since_that_is_not_an_ISO_8601_time_is_400_on_since(string since)
    {
        AssertInvalid(await List(since: since), "since");
        store.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1e9")]
    [InlineData("1,000")]
    [InlineData("ten")]
    [InlineData("1000000000000000000000001")] // above 10^24
    public async Task A_min_usd_that_is_not_a_plain_non_negative_number_is_400_on_minUsd(string minUsd)
    {
        AssertInvalid(await List(minUsd: minUsd), "minUsd");
        store.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("abc.def")]
    [InlineData(".")]
    public async Task A_cursor_the_list_did_not_return_is_400_on_cursor(string cursor)
    {
        AssertInvalid(await List(cursor: cursor), "cursor");
        store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Without_parameters_the_newest_50_deals_of_all_are_read()
    {
        StoreAnswers(new StorePage<Deal>([Deal("a1"), Deal("b2")], null));

        var result = await List();

        Assert.Equal(200, result.Status);
        Assert.Equal(["a1", "b2"], result.Value!.Items.Select(d => d.Id));
        Assert.Null(result.Value.NextCursor);
        var (filter, after, limit) = Assert.Single(reads);
        Assert.Equal(new DealFilter(), filter);
        Assert.Null(after);
        Assert.Equal(DealQueries.DefaultLimit, limit);
    }

    [Fact]
    public async Task Empty_parameters_count_as_absent()
    {
        StoreAnswers(new StorePage<Deal>([], null));

        var result = await List(ticker: "", since: "", minUsd: "", cursor: "", limit: "");

        Assert.Equal(200, result.Status);
        Assert.Equal((new DealFilter(), null, DealQueries.DefaultLimit), Assert.Single(reads));
    }

    [Theory]
    [InlineData("9984.T")]
    [InlineData("TYO:9984")]
    [InlineData("tyo:9984")]
    [InlineData(" 9984.T ")]
    public async Task A_ticker_in_any_notation_is_passed_to_storage_normalised(string ticker)
    {
        StoreAnswers(new StorePage<Deal>([], null));

        Assert.Equal(200, (await List(ticker: ticker)).Status);

        Assert.Equal(new TickerKey("9984", "XTKS"), Assert.Single(reads).Filter.Ticker);
    }

    [Fact]
    public async Task A_bare_ticker_keeps_no_exchange_so_it_matches_any()
    {
        StoreAnswers(new StorePage<Deal>([], null));

        await List(ticker: "GOOGL");

        Assert.Equal(new TickerKey("GOOGL", null), Assert.Single(reads).Filter.Ticker);
    }

    [Theory]
    [InlineData("2026-11-26", "2026-11-26T00:00:00Z")]
    [InlineData("2026-11-26T06:00:00Z", "2026-11-26T06:00:00Z")]
    [InlineData("2026-11-26T08:00:00+02:00", "2026-11-26T06:00:00Z")]
    [InlineData("2026-11-26T06:00:00", "2026-11-26T06:00:00Z")] // no offset: UTC, whatever the server's zone
    [InlineData("2026-11-26T06:00:00.250Z", "2026-11-26T06:00:00.25Z")]
    [InlineData("2026-11-26T06:00Z", "2026-11-26T06:00:00Z")]
    public async Task Since_is_read_as_ISO_8601_and_assumed_UTC_without_an_offset(string since, string expected)
    {
        StoreAnswers(new StorePage<Deal>([], null));

        await List(since: since);

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(reads).Filter.Since);
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("100000000", "100000000")]
    [InlineData("2500000.75", "2500000.75")]
    [InlineData("1000000000000000000000000", "1000000000000000000000000")] // exactly 10^24
    public async Task Min_usd_is_passed_to_storage_as_a_decimal(string minUsd, string expected)
    {
        StoreAnswers(new StorePage<Deal>([], null));

        await List(minUsd: minUsd);

        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(reads).Filter.MinUsd);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("500")]
    public async Task The_limit_is_passed_to_storage(string limit)
    {
        StoreAnswers(new StorePage<Deal>([], null));

        await List(limit: limit);

        Assert.Equal(int.Parse(limit, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(reads).Limit);
    }

    [Fact]
    public async Task A_page_with_more_after_it_has_a_cursor_that_resumes_after_its_last_row()
    {
        StoreAnswers(new StorePage<Deal>([Deal("a1"), Deal("b2")], "row-b2"), new StorePage<Deal>([Deal("c3")], null));

        var first = await List(ticker: "9984.T", limit: "2");
        var second = await List(ticker: "9984.T", limit: "2", cursor: first.Value!.NextCursor);

        Assert.NotNull(first.Value.NextCursor);
        Assert.DoesNotContain("row-b2", first.Value.NextCursor, StringComparison.Ordinal); // opaque
        Assert.Equal(["c3"], second.Value!.Items.Select(d => d.Id));
        Assert.Null(second.Value.NextCursor);
        Assert.Equal([null, "row-b2"], reads.Select(r => r.After));
        Assert.All(reads, r => Assert.Equal(new TickerKey("9984", "XTKS"), r.Filter.Ticker));
    }

    [Fact]
    public async Task The_same_filter_in_another_notation_accepts_the_cursor()
    {
        StoreAnswers(new StorePage<Deal>([Deal("a1")], "row-a1"), new StorePage<Deal>([], null));

        var first = await List(ticker: "9984.T", limit: "1");
        var second = await List(ticker: "TYO:9984", limit: "1", cursor: first.Value!.NextCursor);

        Assert.Equal(200, second.Status);
        Assert.Equal("row-a1", reads[1].After);
    }

    [Theory]
    [InlineData("VOD.L", null, null)]
    [InlineData(null, null, null)]
    [InlineData("9984.T", "2026-11-01", null)]
    [InlineData("9984.T", null, "1000")]
    public async Task A_cursor_from_another_filter_is_400_on_cursor_and_reads_nothing(string? ticker, string? since, string? minUsd)
    {
        StoreAnswers(new StorePage<Deal>([Deal("a1")], "row-a1"));
        var cursor = (await List(ticker: "9984.T", limit: "1")).Value!.NextCursor;

        AssertInvalid(await List(ticker, since, minUsd, cursor, "1"), "cursor");
        Assert.Single(reads);
    }

    [Fact]
    public async Task An_altered_cursor_is_400_on_cursor()
    {
        StoreAnswers(new StorePage<Deal>([Deal("a1")], "row-a1"));
        var cursor = (await List(limit: "1")).Value!.NextCursor!;
        var altered = (cursor[0] == 'A' ? "B" : "A") + cursor[1..];

        AssertInvalid(await List(cursor: altered, limit: "1"), "cursor");
    }

    [Fact]
    public async Task A_cursor_from_another_list_is_400_on_cursor()
    {
        var subscriptionsCursor = PageCursor.Encode("subscriptions", "row-1");

        AssertInvalid(await List(cursor: subscriptionsCursor), "cursor");
        store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_short_page_with_a_position_still_offers_a_cursor()
    {
        // The store stops a filtered scan early and returns fewer items with a position: the client goes on from there.
        StoreAnswers(new StorePage<Deal>([], "row-5000"));

        var result = await List(minUsd: "1000000000000", limit: "10");

        Assert.Empty(result.Value!.Items);
        Assert.NotNull(result.Value.NextCursor);
    }

    [Fact]
    public async Task Listed_deals_carry_no_alert_count()
    {
        StoreAnswers(new StorePage<Deal>([Deal("a1")], null));

        var deal = Assert.Single((await List()).Value!.Items);

        Assert.Null(deal.AlertsQueued);
        Assert.Equal(30_000_000_000m, deal.LargestUsd);
        Assert.Equal("9984.T", Assert.Single(deal.Tickers).Symbol);
    }

    [Fact]
    public async Task Get_returns_the_deal_with_its_alert_count()
    {
        var stored = Deal("a1", [new DealSource("feed-1", "https://news.example.com/a1") { ItemId = "item-a1" }, new DealSource("feed-2", "https://other.example.com/x")]);
        store.Setup(s => s.GetAsync("a1", It.IsAny<CancellationToken>())).ReturnsAsync(stored);
        store.Setup(s => s.GetAlertCountAsync("a1", It.IsAny<CancellationToken>())).ReturnsAsync(3);

        var result = await Queries().GetAsync("a1", CancellationToken.None);

        Assert.Equal(200, result.Status);
        Assert.Equal(3, result.Value!.AlertsQueued);
        Assert.Equal(["feed-1", "feed-2"], result.Value.Sources.Select(s => s.FeedId));
        Assert.Equal(stored.Title, result.Value.Title);
    }

    [Fact]
    public async Task A_deal_stored_before_sources_were_kept_shows_its_own_feed_item_as_the_source()
    {
        store.Setup(s => s.GetAsync("a1", It.IsAny<CancellationToken>())).ReturnsAsync(Deal("a1"));
        store.Setup(s => s.GetAlertCountAsync("a1", It.IsAny<CancellationToken>())).ReturnsAsync(0);

        var source = Assert.Single((await Queries().GetAsync("a1", CancellationToken.None)).Value!.Sources);

        Assert.Equal(new DealSource("feed-1", "https://news.example.com/a1") { ItemId = "item-a1" }, source);
    }

    [Fact]
    public async Task An_unknown_id_is_404()
    {
        store.Setup(s => s.GetAsync("0000", It.IsAny<CancellationToken>())).ReturnsAsync((Deal?)null);

        var result = await Queries().GetAsync("0000", CancellationToken.None);

        Assert.Equal(404, result.Status);
        Assert.Equal("Not found", result.Problem?.Title);
        store.Verify(s => s.GetAlertCountAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a-1")]
    [InlineData("../deals")]
    [InlineData("a1'or'1")]
    [InlineData("abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklm")] // 65 characters
    public async Task An_id_that_cannot_be_a_deal_id_is_404_without_a_storage_read(string id)
    {
        Assert.Equal(404, (await Queries().GetAsync(id, CancellationToken.None)).Status);
        store.VerifyNoOtherCalls();
    }
}
