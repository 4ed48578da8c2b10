using Alerts.Core.Deals;
using Alerts.Core.Extraction;
using Alerts.Core.Subscriptions;

namespace Alerts.Core.Tests.Subscriptions;

public class SubscriptionMatcherTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);

    private static Deal Deal(string title = "Alphabet to buy startup for $2 billion", string? summary = null, params (string Symbol, string Code, string? Exchange)[] tickers) => new()
    {
        Id = "deal1",
        FeedId = "feed1",
        ItemId = "item1",
        Title = title,
        Summary = summary,
        Amounts = [new MoneyAmount(2_000_000_000m, "USD", AmountQualifier.Exact, new TextEvidence(0, 11, "$2 billion"))],
        Tickers = tickers.Select(t => new TickerMention(t.Symbol, t.Code, t.Exchange, new TextEvidence(0, t.Symbol.Length, t.Symbol))).ToList(),
        Created = Now,
    };

    private static Subscription Subscription(string[]? tickers = null, string[]? keywords = null, bool enabled = true) => new()
    {
        Id = "sub1",
        Channel = SubscriptionChannel.Email,
        Target = "ops@example.com",
        Tickers = tickers ?? [],
        Keywords = keywords ?? [],
        Created = Now,
        Enabled = enabled,
    };

    [Fact]
    public void Subscription_without_filters_matches_every_deal()
    {
        Assert.True(SubscriptionMatcher.Matches(Subscription(), Deal()));
    }

    [Fact]
    public void Disabled_subscription_never_matches()
    {
        var deal = Deal(tickers: ("GOOGL.O", "GOOGL", "XNAS"));

        Assert.False(SubscriptionMatcher.Matches(Subscription(enabled: false), deal));
        Assert.False(SubscriptionMatcher.Matches(Subscription(tickers: ["GOOGL"], enabled: false), deal));
        Assert.False(SubscriptionMatcher.Matches(Subscription(keywords: ["Alphabet"], enabled: false), deal));
    }

    [Theory]
    [InlineData("NASDAQ:GOOGL")]
    [InlineData("GOOGL.O")]
    [InlineData("googl")]
    [InlineData("$GOOGL")]
    [InlineData("GOOGL.OQ")]
    public void Ticker_matches_deal_ticker_written_another_way(string wanted)
    {
        var deal = Deal(tickers: ("GOOGL.O", "GOOGL", "XNAS"));

        Assert.True(SubscriptionMatcher.Matches(Subscription(tickers: [wanted]), deal));
    }

    [Fact]
    public void Ticker_on_another_exchange_does_not_match()
    {
        var deal = Deal(tickers: ("GOOGL.O", "GOOGL", "XNAS"));

        Assert.False(SubscriptionMatcher.Matches(Subscription(tickers: ["NYSE:GOOGL"]), deal));
        Assert.False(SubscriptionMatcher.Matches(Subscription(tickers: ["GOOGL.L"]), deal));
    }

    [Fact]
    public void Deal_ticker_without_exchange_matches_any_exchange()
    {
        var deal = Deal(tickers: ("$GOOGL", "GOOGL", null));

        Assert.True(SubscriptionMatcher.Matches(Subscription(tickers: ["NASDAQ:GOOGL"]), deal));
    }

    [Fact]
    public void Tokyo_ticker_matches_by_reuters_suffix_and_exchange_prefix()
    {
        var deal = Deal(tickers: ("9984.T", "9984", "XTKS"));

        Assert.True(SubscriptionMatcher.Matches(Subscription(tickers: ["9984.T"]), deal));
        Assert.True(SubscriptionMatcher.Matches(Subscription(tickers: ["TYO:9984"]), deal));
        Assert.False(SubscriptionMatcher.Matches(Subscription(tickers: ["9983.T"]), deal));
    }

    [Fact]
    public void Ticker_filter_does_not_match_a_deal_without_tickers()
    {
        Assert.False(SubscriptionMatcher.Matches(Subscription(tickers: ["GOOGL"]), Deal()));
    }

    [Theory]
    [InlineData("alphabet")]
    [InlineData("ALPHABET")]
    [InlineData("buy startup")]
    public void Keyword_matches_title_case_insensitively(string keyword)
    {
        Assert.True(SubscriptionMatcher.Matches(Subscription(keywords: [keyword]), Deal()));
    }

    [Fact]
    public void Keyword_matches_summary()
    {
        var deal = Deal(title: "Big news", summary: "SoftBank invests in OpenAI");

        Assert.True(SubscriptionMatcher.Matches(Subscription(keywords: ["openai"]), deal));
    }

    [Fact]
    public void Keyword_absent_from_title_and_summary_does_not_match()
    {
        Assert.False(SubscriptionMatcher.Matches(Subscription(keywords: ["Microsoft"]), Deal(summary: "No mention here")));
    }

    [Fact]
    public void Either_a_ticker_or_a_keyword_is_enough()
    {
        var deal = Deal(tickers: ("GOOGL.O", "GOOGL", "XNAS"));

        Assert.True(SubscriptionMatcher.Matches(Subscription(tickers: ["MSFT"], keywords: ["alphabet"]), deal));
        Assert.True(SubscriptionMatcher.Matches(Subscription(tickers: ["GOOGL"], keywords: ["microsoft"]), deal));
        Assert.False(SubscriptionMatcher.Matches(Subscription(tickers: ["MSFT"], keywords: ["microsoft"]), deal));
    }
}
