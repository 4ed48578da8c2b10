using Alerts.Core.Configuration;
using Alerts.Core.Deals;
using Alerts.Core.Delivery;
using Alerts.Core.Extraction;
using Alerts.Core.Subscriptions;
using MimeKit;

namespace Alerts.Core.Tests.Delivery;

public class AlertMailTests
{
    private static readonly Dictionary<string, Watchlist> NoWatchlists = [];

    private static readonly Deal Deal = new()
    {
        Id = "deal1",
        FeedId = "feed1",
        ItemId = "item1",
        Title = "SoftBank <script>alert(1)</script> weighs $2.4 billion stake",
        Link = "https://news.example.com/softbank",
        Summary = "<p>SoftBank <b>9984.T</b> may invest <img src=x onerror=alert(1)> $2.4 billion.</p>",
        Amounts = [new MoneyAmount(2_400_000_000m, "USD", AmountQualifier.Exact, new TextEvidence(0, 12, "$2.4 billion"))],
        Tickers = [new TickerMention("9984.T", TickerNormalizer.TryNormalize("9984.T")!.Value.Code, TickerNormalizer.TryNormalize("9984.T")!.Value.Exchange, new TextEvidence(0, 6, "9984.T"))],
        Created = DateTimeOffset.UnixEpoch,
    };

    private static readonly Subscription Subscription = new()
    {
        Id = "sub1",
        Channel = SubscriptionChannel.Email,
        Target = "desk@example.com",
        Tickers = ["TYO:9984"],
        Keywords = ["stake"],
        Created = DateTimeOffset.UnixEpoch,
    };

    private static MimeMessage Compose(Uri? unsubscribe = null) => AlertMail.Compose(
        new OutgoingAlert("alert1", DateTimeOffset.UnixEpoch, Deal, Subscription, MatchExplainer.Explain(Subscription, Deal, NoWatchlists)),
        new SmtpOptions(),
        unsubscribe);

    [Fact]
    public void An_amount_named_in_title_and_summary_is_shown_once()
    {
        var mention = Deal.Amounts[0];
        var twice = Deal with { Amounts = [mention, mention with { Evidence = new TextEvidence(40, 12, "$2.4 billion") }, new MoneyAmount(5m, "EUR", AmountQualifier.Exact, new TextEvidence(60, 2, "5€"))] };

        var message = AlertMail.Compose(new OutgoingAlert("alert1", DateTimeOffset.UnixEpoch, twice, Subscription, MatchExplainer.Explain(Subscription, twice, NoWatchlists)), new SmtpOptions(), null);

        Assert.EndsWith("(USD 2,400,000,000; EUR 5)", message.Subject, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(message.HtmlBody!, "USD 2,400,000,000"));
        Assert.Contains("Amounts: USD 2,400,000,000; EUR 5", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_match_through_a_watchlist_names_the_watchlist_not_every_deal()
    {
        var follower = Subscription with { Tickers = [], Keywords = [], Watchlists = ["japan-tech"] };
        var watchlist = new Watchlist { Name = "japan-tech", Tickers = ["XTKS:9984"], Updated = DateTimeOffset.UnixEpoch };
        var matched = MatchExplainer.Explain(follower, Deal, new Dictionary<string, Watchlist> { ["japan-tech"] = watchlist });

        var message = AlertMail.Compose(new OutgoingAlert("alert1", DateTimeOffset.UnixEpoch, Deal, follower, matched), new SmtpOptions(), null);

        Assert.Contains("Why: it matched your watchlist japan-tech.", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_subscription_without_terms_is_told_it_takes_every_deal()
    {
        var firehose = Subscription with { Tickers = [], Keywords = [] };

        var message = AlertMail.Compose(new OutgoingAlert("alert1", DateTimeOffset.UnixEpoch, Deal, firehose, MatchExplainer.Explain(firehose, Deal, NoWatchlists)), new SmtpOptions(), null);

        Assert.Contains("Why: your subscription takes every deal.", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_http_source_is_linked_and_other_schemes_are_not()
    {
        var told = Deal with
        {
            Sources =
            [
                new DealSource("feed1", Deal.Link) { ItemId = "item1" },
                new DealSource("feed2", "https://portal.example.org/copy") { ItemId = "x" },
                new DealSource("feed3", "javascript:alert(1)") { ItemId = "y" },
            ],
        };

        var message = AlertMail.Compose(new OutgoingAlert("alert1", DateTimeOffset.UnixEpoch, told, Subscription, MatchExplainer.Explain(Subscription, told, NoWatchlists)), new SmtpOptions(), null);

        Assert.Contains("Sources: https://news.example.com/softbank https://portal.example.org/copy", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://portal.example.org/copy\">portal.example.org</a>", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript:", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Feed_provided_markup_never_reaches_the_html_part()
    {
        var html = Compose().HtmlBody;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_mail_highlights_amounts_and_tickers_links_the_source_and_says_why_it_matched()
    {
        var message = Compose();
        Assert.Contains("<strong style=\"background:#fff3b0\">USD 2,400,000,000</strong>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<strong><code>9984.T</code></strong>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("href=\"https://news.example.com/softbank\"", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("tickers TYO:9984 and keywords \"stake\"", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public void The_message_id_is_stable_per_alert() =>
        Assert.Equal(Compose().MessageId, Compose().MessageId);

    [Fact]
    public void One_click_unsubscribe_headers_follow_rfc_8058()
    {
        var message = Compose(new Uri("https://alerts.example.com/api/unsubscribe?token=t.x"));
        Assert.Equal("<https://alerts.example.com/api/unsubscribe?token=t.x>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public void Without_a_public_base_url_there_is_no_unsubscribe_header() =>
        Assert.False(Compose().Headers.Contains("List-Unsubscribe"));
}
