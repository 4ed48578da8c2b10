using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Alerts.Core.Configuration;
using Alerts.Core.Deals;
using Alerts.Core.Subscriptions;
using MimeKit;

namespace Alerts.Core.Delivery;

/// <summary>
/// Composes alert and digest mails: multipart/alternative text + HTML, amounts and tickers highlighted, the source
/// link, why the deal matched, and RFC 8058 one-click unsubscribe headers. Feed-provided text is stripped of markup
/// and HTML-encoded, never inserted raw.
/// </summary>
public static partial class AlertMail
{
    /// <summary>The signed one-click unsubscribe URL, or null when <c>Alerts:PublicBaseUrl</c> is not set.</summary>
    public static Uri? UnsubscribeUrl(AlertsOptions options, UnsubscribeTokens tokens, string subscriptionId)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(tokens);
        if (string.IsNullOrEmpty(options.PublicBaseUrl))
        {
            return null;
        }

        var root = options.PublicBaseUrl.EndsWith('/') ? options.PublicBaseUrl : options.PublicBaseUrl + "/";
        return tokens.UrlFor(new Uri(root), subscriptionId);
    }

    /// <summary>One mail for one deal; its Message-ID is derived from the alert id, so a resend is recognisably the same mail.</summary>
    public static MimeMessage Compose(OutgoingAlert alert, SmtpOptions smtp, Uri? unsubscribe)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(smtp);
        var deal = alert.Deal;
        var message = Envelope(alert.Subscription, smtp, unsubscribe, $"{alert.AlertId}@alerts");
        message.Subject = $"[Alerts] {OneLine(deal.Title)} ({DealProcessor.Describe(deal.Amounts)})";
        var text = new StringBuilder();
        var html = new StringBuilder("<html><body>\n");
        AppendDeal(text, html, deal, alert.Matched, headingLevel: 2);
        AppendFooter(text, html, unsubscribe);
        html.Append("</body></html>\n");
        message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        return message;
    }

    /// <summary>One mail summarising several deals; <paramref name="digestId"/> (subscription and period) makes its Message-ID.</summary>
    public static MimeMessage ComposeDigest(string digestId, Subscription subscription, string period, IReadOnlyList<(Deal Deal, MatchedTerms Matched)> deals, SmtpOptions smtp, Uri? unsubscribe)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(smtp);
        var message = Envelope(subscription, smtp, unsubscribe, $"{digestId}@alerts");
        message.Subject = $"[Alerts] {deals.Count} deal{(deals.Count == 1 ? string.Empty : "s")} ({subscription.Mode.ToString().ToLowerInvariant()} digest, {period})";
        var text = new StringBuilder().AppendLine(CultureInfo.InvariantCulture, $"{deals.Count} deal(s) matched your subscription ({period}).").AppendLine();
        var html = new StringBuilder("<html><body>\n")
            .Append(CultureInfo.InvariantCulture, $"<p>{deals.Count} deal(s) matched your subscription ({WebUtility.HtmlEncode(period)}).</p>\n");
        foreach (var (deal, matched) in deals)
        {
            AppendDeal(text, html, deal, matched, headingLevel: 3);
            text.AppendLine();
            html.Append("<hr>\n");
        }

        AppendFooter(text, html, unsubscribe);
        html.Append("</body></html>\n");
        message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        return message;
    }

    private static MimeMessage Envelope(Subscription subscription, SmtpOptions smtp, Uri? unsubscribe, string messageId)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(subscription.Target));
        message.MessageId = messageId;
        if (unsubscribe is not null)
        {
            // RFC 8058: the POST target must be an https (or http for local runs) URI in List-Unsubscribe.
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe.AbsoluteUri}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }

        return message;
    }

    private static void AppendDeal(StringBuilder text, StringBuilder html, Deal deal, MatchedTerms matched, int headingLevel)
    {
        var amounts = DealProcessor.Describe(deal.Amounts);
        var tickers = deal.Tickers.Select(t => t.Symbol).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var summary = deal.Summary is null ? null : PlainText(deal.Summary);
        var why = Why(matched);
        // Only http(s) links from the feeds become links in the mail (no javascript: or data: from a hostile feed).
        var sources = WebhookDeal.SourcesOf(deal)
            .Select(link => Uri.TryCreate(link, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u : null)
            .OfType<Uri>().ToList();

        text.AppendLine(OneLine(deal.Title)).AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Amounts: {amounts}")
            .AppendLine(CultureInfo.InvariantCulture, $"Tickers: {(tickers.Count == 0 ? "none" : string.Join(", ", tickers))}");
        if (!string.IsNullOrEmpty(summary))
        {
            text.AppendLine().AppendLine(summary).AppendLine();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"{(sources.Count > 1 ? "Sources" : "Source")}: {(sources.Count == 0 ? "(no link)" : string.Join(" ", sources.Select(u => u.AbsoluteUri)))}")
            .AppendLine(CultureInfo.InvariantCulture, $"Why: {why}");

        html.Append(CultureInfo.InvariantCulture, $"<h{headingLevel}>{Encode(OneLine(deal.Title))}</h{headingLevel}>\n")
            .Append("<p>Amounts: ").AppendJoin("; ", DealProcessor.Labels(deal.Amounts).Select(a => $"<strong style=\"background:#fff3b0\">{Encode(a)}</strong>"))
            .Append("</p>\n<p>Tickers: ")
            .Append(tickers.Count == 0 ? "none" : string.Join(", ", tickers.Select(t => $"<strong><code>{Encode(t)}</code></strong>")))
            .Append("</p>\n");
        if (!string.IsNullOrEmpty(summary))
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(summary)}</p>\n");
        }

        if (sources.Count > 0)
        {
            // The first source, then the other sites that told the story, named by their host.
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Encode(sources[0].AbsoluteUri)}\">Read the source</a>");
            foreach (var other in sources.Skip(1))
            {
                html.Append(CultureInfo.InvariantCulture, $" &middot; <a href=\"{Encode(other.AbsoluteUri)}\">{Encode(other.Host)}</a>");
            }

            html.Append("</p>\n");
        }

        html.Append(CultureInfo.InvariantCulture, $"<p><em>Why you get this:</em> {Encode(why)}</p>\n");
    }

    private static void AppendFooter(StringBuilder text, StringBuilder html, Uri? unsubscribe)
    {
        if (unsubscribe is null)
        {
            return;
        }

        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Unsubscribe: {unsubscribe.AbsoluteUri}");
        html.Append(CultureInfo.InvariantCulture, $"<p style=\"font-size:small\"><a href=\"{Encode(unsubscribe.AbsoluteUri)}\">Unsubscribe</a></p>\n");
    }

    private static string Why(MatchedTerms matched)
    {
        if (matched.IsFirehose)
        {
            return "your subscription takes every deal.";
        }

        var parts = new List<string>();
        if (matched.Tickers.Count > 0)
        {
            parts.Add("tickers " + string.Join(", ", matched.Tickers));
        }

        if (matched.Keywords.Count > 0)
        {
            parts.Add("keywords " + string.Join(", ", matched.Keywords.Select(k => $"\"{k}\"")));
        }

        if (matched.Watchlists.Count > 0)
        {
            parts.Add((matched.Watchlists.Count == 1 ? "watchlist " : "watchlists ") + string.Join(", ", matched.Watchlists));
        }

        // Nothing left to name: the terms changed after the alert was raised (a watchlist edited or deleted).
        return parts.Count == 0 ? "it matched your subscription when it was raised." : "it matched your " + string.Join(" and ", parts) + ".";
    }

    // Feed summaries may carry markup: keep only its text (decoded), which is then encoded again for HTML.
    private static string PlainText(string value) => WebUtility.HtmlDecode(Tags().Replace(value, " ")).ReplaceLineEndings(" ").Trim();

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private static string OneLine(string value) => value.ReplaceLineEndings(" ");

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
