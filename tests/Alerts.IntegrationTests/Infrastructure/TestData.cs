using Alerts.Core.Deals;
using Alerts.Core.Extraction;
using Alerts.Core.Feeds;
using Alerts.Core.Subscriptions;

namespace Alerts.IntegrationTests.Infrastructure;

/// <summary>Small builders for test records; every call gets fresh ids so tests sharing one Azurite never collide.</summary>
public static class TestData
{
    public static string NewId() => Guid.NewGuid().ToString("N");

    /// <summary>
    /// An article with a link and a reference number of its own, so each call is a separate story (deals are keyed
    /// by link and, across links, by the text).
    /// </summary>
    public static ArticleMessage SoftBankArticle(string? feedId = null) => SoftBankArticle(feedId, "http://example.test/news/" + NewId());

    public static ArticleMessage SoftBankArticle(string? feedId, string? link)
    {
        var item = "item-" + NewId();
        return new()
        {
            FeedId = feedId ?? NewId(),
            ItemId = item,
            Link = link,
            Title = "SoftBank (9984.T) weighs $2.4 billion stake in chip designer",
            Summary = $"SoftBank Group 9984.T may invest $2.4 billion; Alphabet GOOGL.O is also named. Ref {item}.",
            Language = "en",
        };
    }

    public static Subscription WebhookSubscription(string target, params string[] tickers) => new()
    {
        Id = NewId(),
        Channel = SubscriptionChannel.Webhook,
        Target = target,
        Tickers = tickers,
        Created = DateTimeOffset.UtcNow,
    };

    public static Deal Deal(string? id = null, params string[] tickers) => new()
    {
        Id = id ?? NewId(),
        FeedId = NewId(),
        ItemId = NewId(),
        Title = "Test deal",
        Amounts = [new MoneyAmount(1_000_000m, "USD", AmountQualifier.Exact, new TextEvidence(0, 3, "$1m"))],
        Tickers = tickers.Select(t => new TickerMention(t, TickerNormalizer.TryNormalize(t)!.Value.Code, TickerNormalizer.TryNormalize(t)!.Value.Exchange, new TextEvidence(0, t.Length, t))).ToList(),
        Created = DateTimeOffset.UtcNow,
    };

    /// <summary>An RSS 2.0 document with one item, written for the tests.</summary>
    public static string RssWithOneItem(string guid, string title, string description) => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Test wire</title><link>http://example.test/</link>
        <item><title>{title}</title><link>http://example.test/{guid}</link><guid>{guid}</guid>
        <pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate><description>{description}</description></item>
        </channel></rss>
        """;
}
