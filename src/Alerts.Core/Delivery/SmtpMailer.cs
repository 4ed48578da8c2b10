using Alerts.Core.Configuration;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Alerts.Core.Delivery;

/// <summary>Sends one composed mail over SMTP with MailKit (host, port, TLS mode and optional auth from <c>Alerts:Smtp</c>).</summary>
public sealed class SmtpMailer(IOptionsMonitor<SmtpOptions> options)
{
    public SmtpOptions Options => options.CurrentValue;

    public async Task<DeliveryAttempt> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = options.CurrentValue;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            return new DeliveryAttempt(AttemptOutcome.Transient, "Alerts:Smtp:Host is not configured");
        }

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
            return new DeliveryAttempt(AttemptOutcome.Permanent, $"SMTP {(int)ex.StatusCode}: {ex.Message}", (int)ex.StatusCode);
        }
        catch (SmtpCommandException ex)
        {
            return new DeliveryAttempt(AttemptOutcome.Transient, $"SMTP {(int)ex.StatusCode}: {ex.Message}", (int)ex.StatusCode);
        }
        catch (Exception ex) when (ex is SmtpProtocolException or ServiceNotConnectedException or AuthenticationException or IOException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return new DeliveryAttempt(AttemptOutcome.Transient, $"SMTP: {ex.Message}");
        }
    }
}
