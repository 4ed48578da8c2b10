using Alerts.Core.Deals;
using Alerts.Core.Extraction;
using Alerts.Core.Feeds;

namespace Alerts.Core.Tests.Deals;

public sealed class DealMergeTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_same_link_in_two_feeds_gives_the_same_deal_id_whatever_the_tracking_parameters()
    {
        var a = DealProcessor.NewDeal(Article("feed-a", "a1", "https://news.example.com/story?utm_source=rss"), Facts(2m), Now);
        var b = DealProcessor.NewDeal(Article("feed-b", "b9", "HTTPS://NEWS.example.com/story#x"), Facts(2m), Now);

        Assert.Equal(a.Id, b.Id);
        Assert.Equal("https://news.example.com/story", a.CanonicalUrl);
    }

    [Fact]
    public void Without_a_link_the_deal_id_is_the_feed_items_and_the_fingerprint_ignores_formatting()
    {
        var a = DealProcessor.NewDeal(Article("feed-a", "a1", null, "SoftBank invests $2bn"), Facts(2m), Now);
        var again = DealProcessor.NewDeal(Article("feed-a", "a1", null, "SoftBank invests $2bn"), Facts(2m), Now);
        var b = DealProcessor.NewDeal(Article("feed-b", "b1", null, "SOFTBANK invests $2bn!"), Facts(2m), Now);

        Assert.Equal(a.Id, again.Id); // a replay hits the same row
        Assert.NotEqual(a.Id, b.Id); // the text key, not the id, merges copies (within the story window)
        Assert.Equal(a.Fingerprint, b.Fingerprint);
    }

    [Fact]
    public void A_second_source_is_appended_without_a_revision()
    {
        var stored = DealProcessor.NewDeal(Article("feed-a", "a1", "https://example.com/s"), Facts(2m), Now);
        var other = DealProcessor.NewDeal(Article("feed-b", "b1", "https://example.com/s", "Other wording"), Facts(2m), Now);

        var merged = DealProcessor.Merge(stored, other, Now.AddMinutes(1))!;

        Assert.Equal(["feed-a", "feed-b"], merged.Sources.Select(s => s.FeedId));
        Assert.Equal(0, merged.Revision);
        Assert.Equal(stored.Title, merged.Title);
    }

    [Fact]
    public void A_replay_of_a_known_source_changes_nothing()
    {
        var article = Article("feed-a", "a1", "https://example.com/s");
        var stored = DealProcessor.NewDeal(article, Facts(2m), Now);

        Assert.Null(DealProcessor.Merge(stored, DealProcessor.NewDeal(article, Facts(2m), Now.AddHours(1)), Now.AddHours(1)));
    }

    [Fact]
    public void An_edit_keeping_amounts_and_tickers_is_a_revision_without_a_new_alert()
    {
        var stored = DealProcessor.NewDeal(Article("feed-a", "a1", "https://example.com/s", "SoftBank invets $2bn"), Facts(2m), Now);
        var edit = DealProcessor.NewDeal(Article("feed-a", "a1", "https://example.com/s", "SoftBank invests $2bn"), Facts(2m), Now);

        var merged = DealProcessor.Merge(stored, edit, Now.AddHours(1))!;

        Assert.Equal(1, merged.Revision);
        Assert.Equal(0, merged.AlertRevision);
        Assert.Equal("SoftBank invests $2bn", merged.Title);
    }

    [Fact]
    public void An_edit_changing_an_amount_is_a_revision_that_alerts_again()
    {
        var stored = DealProcessor.NewDeal(Article("feed-a", "a1", "https://example.com/s", "SoftBank invests $2bn"), Facts(2m), Now);
        var edit = DealProcessor.NewDeal(Article("feed-a", "a1", "https://example.com/s", "SoftBank invests $3bn"), Facts(3m), Now);

        var merged = DealProcessor.Merge(stored, edit, Now.AddHours(1))!;

        Assert.Equal(1, merged.Revision);
        Assert.Equal(1, merged.AlertRevision);
        Assert.Equal(3_000_000_000m, Assert.Single(merged.Amounts).Value);
    }

    [Fact]
    public void An_edit_changing_a_ticker_alerts_again()
    {
        var stored = DealProcessor.NewDeal(Article("feed-a", "a1", "https://example.com/s", "v1"), Facts(2m, "9984.T"), Now);
        var edit = DealProcessor.NewDeal(Article("feed-a", "a1", "https://example.com/s", "v2"), Facts(2m, "9984.T", "GOOGL.O"), Now);

        Assert.Equal(1, DealProcessor.Merge(stored, edit, Now)!.AlertRevision);
    }

    private static ArticleMessage Article(string feed, string item, string? link, string title = "SoftBank invests $2bn") => new()
    {
        FeedId = feed,
        ItemId = item,
        Link = link,
        Title = title,
        Language = "en",
    };

    private static ExtractionResult Facts(decimal billions, params string[] tickers) => new(
        [new MoneyAmount(billions * 1_000_000_000m, "USD", AmountQualifier.Exact, new TextEvidence(0, 4, "$2bn"))],
        tickers.Select(t => new TickerMention(t, TickerNormalizer.TryNormalize(t)!.Value.Code, TickerNormalizer.TryNormalize(t)!.Value.Exchange, new TextEvidence(0, t.Length, t))).ToList(),
        "en");
}
