using Alerts.Core.Deals;
using Alerts.Core.Subscriptions;
using Alerts.Core.Subscriptions.Matching;

namespace Alerts.Core.Tests.Subscriptions;

public class SubscriptionIndexTests
{
    private static readonly MatchContext NoWatchlists = MatchContext.Default;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Index_gives_exactly_the_subscriptions_the_reference_matcher_accepts_on_random_data(int seed)
    {
        var random = new Random(seed);
        var context = new MatchContext(MatchingData.RandomWatchlists(random), new ApproximateUsdValuer());
        var subscriptions = Enumerable.Range(0, 400).Select(_ => MatchingData.RandomSubscription(random)).ToList();
        var index = new SubscriptionIndex(subscriptions, context);
        var matchedSomething = 0;

        for (var i = 0; i < 300; i++)
        {
            var deal = MatchingData.RandomDeal(random);
            var expected = subscriptions.Where(s => SubscriptionMatcher.Matches(s, deal, context)).Select(s => s.Id).ToList();

            var actual = index.Match(deal).Select(s => s.Id).ToList();

            Assert.Equal(expected, actual);
            matchedSomething += expected.Count;
        }

        // The data exercises both outcomes: some pairs match, most do not.
        Assert.InRange(matchedSomething, 300, 400 * 300 / 2);
    }

    [Theory]
    [InlineData("NASDAQ:GOOGL")]
    [InlineData("GOOGL.O")]
    [InlineData("GOOGL")]
    public void A_ticker_in_any_notation_matches_the_deal_naming_it(string wanted)
    {
        var subscription = MatchingData.Subscription(tickers: [wanted]);
        var index = new SubscriptionIndex([subscription], NoWatchlists);

        Assert.Single(index.Match(MatchingData.Deal("Alphabet buys", tickers: "GOOGL.O")));
        // Only the bare symbol also matches the same code on another exchange.
        Assert.Equal(wanted == "GOOGL" ? 1 : 0, index.Match(MatchingData.Deal("Other", tickers: "GOOGL.L")).Count);
    }

    [Fact]
    public void Keywords_match_case_insensitively_anywhere_in_title_or_summary()
    {
        var subscription = MatchingData.Subscription(keywords: ["softbank"]);
        var index = new SubscriptionIndex([subscription], NoWatchlists);

        Assert.Single(index.Match(MatchingData.Deal("Deal news", "SOFTBANK weighs a stake")));
        Assert.Empty(index.Match(MatchingData.Deal("Soft bank", "nothing")));
    }

    [Fact]
    public void A_subscription_matching_by_ticker_and_several_keywords_is_returned_once()
    {
        var subscription = MatchingData.Subscription(tickers: ["9984.T"], keywords: ["SoftBank", "stake", "bank"]);
        var index = new SubscriptionIndex([subscription], NoWatchlists);

        var matched = index.Match(MatchingData.Deal("SoftBank stake, SoftBank again", tickers: "TYO:9984"));

        Assert.Single(matched);
    }

    [Fact]
    public void Watchlist_tickers_companies_and_keywords_count_for_the_subscriptions_following_it()
    {
        var watchlist = new Watchlist { Name = "chips", Tickers = ["XNAS:NVDA"], Companies = ["ASML Holding"], Keywords = ["foundry"], Updated = DateTimeOffset.UnixEpoch };
        var context = new MatchContext(new Dictionary<string, Watchlist> { ["chips"] = watchlist }, new ApproximateUsdValuer());
        var follower = MatchingData.Subscription(watchlists: ["chips"]);
        var index = new SubscriptionIndex([follower], context);

        Assert.Single(index.Match(MatchingData.Deal("Nvidia", tickers: "NVDA.O")));
        Assert.Single(index.Match(MatchingData.Deal("asml holding raises $1bn")));
        Assert.Single(index.Match(MatchingData.Deal("New Foundry")));
        Assert.Empty(index.Match(MatchingData.Deal("Bank merger")));
    }

    [Fact]
    public void A_subscription_following_only_an_unknown_watchlist_matches_nothing_rather_than_everything()
    {
        var index = new SubscriptionIndex([MatchingData.Subscription(watchlists: ["gone"])], NoWatchlists);

        Assert.Empty(index.Match(MatchingData.Deal("Anything at all")));
    }

    [Fact]
    public void Minimum_amounts_compare_in_US_dollars_whatever_their_currency()
    {
        var euros = MatchingData.Subscription(keywords: ["stake"], min: new Money(100_000_000m, "EUR")); // ~108 M USD
        var index = new SubscriptionIndex([euros], NoWatchlists);

        Assert.Empty(index.Match(MatchingData.Deal("stake", largestUsd: 100_000_000m)));
        Assert.Single(index.Match(MatchingData.Deal("stake", largestUsd: 120_000_000m)));
        Assert.Empty(index.Match(MatchingData.Deal("stake", largestUsd: null)));
    }

    [Fact]
    public void Languages_filter_on_the_deal_language_ignoring_region()
    {
        var french = MatchingData.Subscription(languages: ["fr"]);
        var index = new SubscriptionIndex([french], NoWatchlists);

        Assert.Single(index.Match(MatchingData.Deal("Rachat", language: "fr-CA")));
        Assert.Empty(index.Match(MatchingData.Deal("Buyout", language: "en")));
        Assert.Empty(index.Match(MatchingData.Deal("Unknown", language: null)));
    }

    [Fact]
    public void Disabled_subscriptions_are_not_indexed_and_firehoses_get_every_deal()
    {
        var disabled = MatchingData.Subscription(enabled: false);
        var firehose = MatchingData.Subscription();
        var index = new SubscriptionIndex([disabled, firehose], NoWatchlists);

        Assert.Equal(1, index.Count);
        Assert.Equal([firehose.Id], index.Match(MatchingData.Deal("Anything")).Select(s => s.Id));
    }

    [Fact]
    public void More_languages_than_fit_in_the_bit_mask_still_filter_exactly()
    {
        // 26 x 3 = 78 two-letter codes: the first 64 get a bit each, the rest take the fallback path.
        var codes = Enumerable.Range(0, 78).Select(i => $"{(char)('a' + (i % 26))}{(char)('a' + (i / 26))}").ToArray();
        var subscriptions = codes.Select(code => MatchingData.Subscription(languages: [code])).ToList();
        subscriptions.Add(MatchingData.Subscription(languages: [codes[0], codes[77]]));
        var index = new SubscriptionIndex(subscriptions, NoWatchlists);

        foreach (var code in new[] { codes[0], codes[63], codes[64], codes[77] })
        {
            var expected = subscriptions.Where(s => SubscriptionMatcher.Matches(s, MatchingData.Deal("x", language: code), NoWatchlists)).Select(s => s.Id);
            var matched = index.Match(MatchingData.Deal("x", language: code)).Select(s => s.Id).ToList();

            Assert.Equal(expected, matched);
            Assert.Contains(subscriptions[Array.IndexOf(codes, code)].Id, matched);
        }

        Assert.Empty(index.Match(MatchingData.Deal("x", language: "zz")));
    }

    [Theory]
    [InlineData("Arm", "Arm Holdings to buy sensor maker", true)]
    [InlineData("Arm", "Alarm maker to be bought", false)]
    [InlineData("merger*", "Two mergers announced", true)]
    [InlineData("ソフトバンク", "ソフトバンクグループが出資", true)]
    public void Keywords_in_the_index_match_whole_words_like_the_reference(string keyword, string title, bool expected)
    {
        var subscription = MatchingData.Subscription(keywords: [keyword]);
        var index = new SubscriptionIndex([subscription], NoWatchlists);
        var deal = MatchingData.Deal(title);

        Assert.Equal(expected, SubscriptionMatcher.Matches(subscription, deal, NoWatchlists));
        Assert.Equal(expected ? 1 : 0, index.Match(deal).Count);
    }
}
