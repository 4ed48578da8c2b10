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

        var matched = MatchExplainer.Explain(subscription, Deal);

        Assert.Equal(["TYO:9984"], matched.Tickers);
        Assert.Equal(["CHIP"], matched.Keywords);
        Assert.Empty(matched.Watchlists);
    }
}
