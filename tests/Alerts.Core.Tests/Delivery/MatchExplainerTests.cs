using Alerts.Core.Deals;
using Alerts.Core.Extraction;
using Alerts.Core.Subscriptions;

namespace Alerts.Core.Tests.Delivery;

public class MatchExplainerTests
{
    private static readonly Deal Deal = new()
    {
        Id = "d",
        FeedId = "f",
        ItemId = "i",
        Title = "SoftBank weighs chip stake",
        Amounts = [],
        Tickers = [new TickerMention("9984.T", TickerNormalizer.TryNormalize("9984.T")!.Value.Code, TickerNormalizer.TryNormalize("9984.T")!.Value.Exchange, new TextEvidence(0, 6, "9984.T"))],
        Created = DateTimeOffset.UnixEpoch,
    };

    [Fact]
    public void Names_the_subscription_tickers_and_keywords_the_deal_matched_as_the_subscriber_wrote_them()
    {
        var subscription = new Subscription
        {
            Id = "s",
            Channel = SubscriptionChannel.Webhook,
            Target = "https://example.com/hook",
            Tickers = ["TYO:9984", "VOD.L"],
            Keywords = ["CHIP", "merger"],
            Created = DateTimeOffset.UnixEpoch,
        };

        var matched = MatchExplainer.Explain(subscription, Deal, new Dictionary<string, Watchlist>());

        Assert.Equal(["TYO:9984"], matched.Tickers);
        Assert.Equal(["CHIP"], matched.Keywords);
        Assert.Empty(matched.Watchlists);
        Assert.False(matched.IsFirehose);
    }

    [Fact]
    public void Names_the_followed_watchlists_whose_tickers_companies_or_keywords_the_deal_matched()
    {
        var subscription = new Subscription
        {
            Id = "s",
            Channel = SubscriptionChannel.Webhook,
            Target = "https://example.com/hook",
            Watchlists = ["by-ticker", "by-company", "by-keyword", "unrelated", "deleted"],
            Created = DateTimeOffset.UnixEpoch,
        };
        Watchlist List(string name, string[]? tickers = null, string[]? companies = null, string[]? keywords = null) =>
            new() { Name = name, Tickers = tickers ?? [], Companies = companies ?? [], Keywords = keywords ?? [], Updated = DateTimeOffset.UnixEpoch };
        var watchlists = new Dictionary<string, Watchlist>
        {
            ["by-ticker"] = List("by-ticker", tickers: ["9984"]),
            ["by-company"] = List("by-company", companies: ["SoftBank"]),
            ["by-keyword"] = List("by-keyword", keywords: ["stake"]),
            ["unrelated"] = List("unrelated", tickers: ["VOD.L"], keywords: ["chips"]), // "chip" is in the text, not "chips"
        };

        var matched = MatchExplainer.Explain(subscription, Deal, watchlists);

        Assert.Equal(["by-ticker", "by-company", "by-keyword"], matched.Watchlists);
        Assert.Empty(matched.Tickers);
        Assert.Empty(matched.Keywords);
        Assert.False(matched.IsFirehose);
    }
}
