using Alerts.Core.Configuration;
using Alerts.Core.Deals;
using Alerts.Core.Delivery;
using Alerts.Core.Extraction;
using Alerts.Core.Subscriptions;
using Alerts.Core.Tests.Security;
using MimeKit;

namespace Alerts.Core.Tests.Delivery;

public class EmailChannelTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private static readonly SmtpOptions Smtp = new() { From = "Alerts <alerts@example.com>" };

    private static Deal Deal(string title = "SoftBank to invest $30 billion", string? link = "https://news.example.com/a/1") => new()
    {
        Id = "deal1",
        FeedId = "feed1",
        ItemId = "item1",
        Title = title,
        Link = link,
        Amounts = [new MoneyAmount(30_000_000_000m, "USD", AmountQualifier.UpperBound, new TextEvidence(0, 11, "$30 billion"))],
        Tickers =
        [
            new TickerMention("9984.T", "9984", "XTKS", new TextEvidence(0, 6, "9984.T")),
            new TickerMention("9984.t", "9984", "XTKS", new TextEvidence(10, 6, "9984.t")),
        ],
        Created = Now,
    };

    private static readonly Subscription Subscription = new()
    {
        Id = "sub1",
        Channel = SubscriptionChannel.Email,
        Target = "ops@example.com",
        Created = Now,
    };

    private static MimeMessage Compose(Deal deal, string alertId = "alert1") => EmailChannel.Compose(alertId, deal, Subscription, Smtp);

    [Fact]
    public void Compose_builds_multipart_alternative_with_text_and_html()
    {
        var message = Compose(Deal());

        var body = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Equal(["text/plain", "text/html"], body.Select(p => p.ContentType.MimeType));
        Assert.Contains("Amounts: USD 30,000,000,000", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Tickers: 9984.T", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Source: https://news.example.com/a/1", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://news.example.com/a/1\">", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_addresses_the_subscriber_from_the_configured_sender()
    {
        var message = Compose(Deal());

        Assert.Equal("ops@example.com", Assert.IsType<MailboxAddress>(Assert.Single(message.To)).Address);
        var from = Assert.IsType<MailboxAddress>(Assert.Single(message.From));
        Assert.Equal(("Alerts", "alerts@example.com"), (from.Name, from.Address));
    }

    [Fact]
    public void Compose_subject_names_title_and_amounts()
    {
        Assert.Equal("[Alerts] SoftBank to invest $30 billion (USD 30,000,000,000)", Compose(Deal()).Subject);
    }

    [Fact]
    public void Compose_subject_is_one_line_when_the_title_has_line_breaks()
    {
        var subject = Compose(Deal(title: "SoftBank\r\nBcc: victim@example.com\nto invest")).Subject;

        Assert.Equal("[Alerts] SoftBank Bcc: victim@example.com to invest (USD 30,000,000,000)", subject);
        Assert.Empty(Compose(Deal(title: "SoftBank\r\nBcc: victim@example.com")).Bcc);
    }

    [Fact]
    public void Compose_message_id_is_stable_per_alert_id()
    {
        var first = Compose(Deal(), "alert1");
        var again = Compose(Deal(), "alert1");
        var other = Compose(Deal(), "alert2");

        Assert.Equal("alert1@alerts", first.MessageId);
        Assert.Equal(first.MessageId, again.MessageId);
        Assert.NotEqual(first.MessageId, other.MessageId);
    }

    [Fact]
    public void Compose_encodes_feed_provided_html_in_the_title()
    {
        var message = Compose(Deal(title: "<script>alert('x')</script> & <b>$30 billion</b>"));

        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", message.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;$30 billion&lt;/b&gt;", message.HtmlBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html,<script>alert(1)</script>")]
    [InlineData("not a url")]
    public void Compose_links_only_http_sources(string link)
    {
        var message = Compose(Deal(link: link));

        Assert.DoesNotContain("<a ", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_encodes_quotes_in_the_link()
    {
        var message = Compose(Deal(link: "https://news.example.com/a?q=\"><script>x</script>"));

        Assert.DoesNotContain("<script>", message.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("\"><", message.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_says_none_without_tickers_and_no_link()
    {
        var message = Compose(Deal(link: null) with { Tickers = [] });

        Assert.Contains("Tickers: none", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Source: (no link)", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_without_smtp_host_fails_without_connecting()
    {
        var channel = new EmailChannel(new StaticOptionsMonitor<SmtpOptions>(new SmtpOptions { Host = null }));

        var attempt = await channel.SendAsync("alert1", Deal(), Subscription, CancellationToken.None);

        Assert.False(attempt.Succeeded);
        Assert.False(attempt.Permanent);
        Assert.Equal("Alerts:Smtp:Host is not configured", attempt.Error);
        Assert.Equal(SubscriptionChannel.Email, channel.Channel);
    }
}
