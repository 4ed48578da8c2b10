using System.Globalization;
using System.Net;
using System.Text;
using Alerts.Core.Configuration;
using Alerts.Core.Deals;
using Alerts.Core.Subscriptions;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Alerts.Core.Delivery;

/// <summary>Delivers alerts as multipart (text + HTML) e-mails over SMTP with MailKit.</summary>
public sealed class EmailChannel(IOptionsMonitor<SmtpOptions> options) : IAlertChannel
{
    public SubscriptionChannel Channel => SubscriptionChannel.Email;

    public async Task<DeliveryAttempt> SendAsync(string alertId, Deal deal, Subscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(subscription);
        var smtp = options.CurrentValue;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            return new DeliveryAttempt(false, "Alerts:Smtp:Host is not configured");
        }

        var message = Compose(alertId, deal, subscription, smtp);
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            var security = smtp.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTlsWhenAvailable,
            };
            await client.ConnectAsync(smtp.Host, smtp.Port, security, cancellationToken).ConfigureAwait(false);
            if (!string.IsNullOrEmpty(smtp.User))
            {
                await client.AuthenticateAsync(smtp.User, smtp.Password ?? string.Empty, cancellationToken).ConfigureAwait(false);
            }

            await client.SendAsync(message, cancellationToken).ConfigureAwait(false);
            await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
            return DeliveryAttempt.Success;
        }
        catch (SmtpCommandException ex) when (ex.StatusCode is SmtpStatusCode.MailboxUnavailable or SmtpStatusCode.MailboxNameNotAllowed)
        {
            return new DeliveryAttempt(false, $"SMTP {(int)ex.StatusCode}: {ex.Message}", Permanent: true);
        }
        catch (Exception ex) when (ex is SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or AuthenticationException or IOException or System.Net.Sockets.SocketException)
        {
            return new DeliveryAttempt(false, $"SMTP: {ex.Message}");
        }
    }

    /// <summary>Builds the mail; every feed-provided string is HTML-encoded, never inserted raw.</summary>
    public static MimeMessage Compose(string alertId, Deal deal, Subscription subscription, SmtpOptions smtp)
    {
        ArgumentNullException.ThrowIfNull(deal);
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(smtp);
        var amounts = DealProcessor.Describe(deal.Amounts);
        var tickers = string.Join(", ", deal.Tickers.Select(t => t.Symbol).Distinct(StringComparer.OrdinalIgnoreCase));
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(subscription.Target));
        message.Subject = $"[Alerts] {OneLine(deal.Title)} ({amounts})";
        message.MessageId = $"{alertId}@alerts";

        var text = new StringBuilder()
            .AppendLine(deal.Title)
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Amounts: {amounts}")
            .AppendLine(CultureInfo.InvariantCulture, $"Tickers: {(tickers.Length == 0 ? "none" : tickers)}")
            .AppendLine(CultureInfo.InvariantCulture, $"Source: {deal.Link ?? "(no link)"}")
            .ToString();
        var link = deal.Link is not null && Uri.TryCreate(deal.Link, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
            ? $"<p><a href=\"{WebUtility.HtmlEncode(u.AbsoluteUri)}\">Read the source</a></p>"
            : string.Empty;
        var html = $"""
            <html><body>
            <h2>{WebUtility.HtmlEncode(deal.Title)}</h2>
            <p>Amounts: <strong>{WebUtility.HtmlEncode(amounts)}</strong></p>
            <p>Tickers: <strong>{WebUtility.HtmlEncode(tickers.Length == 0 ? "none" : tickers)}</strong></p>
            {link}
            </body></html>
            """;
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        return message;
    }

    private static string OneLine(string value) => value.ReplaceLineEndings(" ");
}
