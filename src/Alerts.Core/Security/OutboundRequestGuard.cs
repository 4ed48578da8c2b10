using System.Net;
using System.Net.Sockets;
using Alerts.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Security;

/// <summary>
/// The one SSRF guard for feeds and webhooks: user-supplied URLs may only reach public addresses.
/// Checked when a URL is registered (literal hosts) and again at connect time on the resolved address,
/// so DNS rebinding and redirects to private hosts fail too. Hand-written rather than
/// Microsoft.Security.AntiSSRF because the connect-time check must share the AllowLoopback setting.
/// </summary>
public sealed class OutboundRequestGuard(IOptionsMonitor<AlertsOptions> options)
{
    private static readonly IPAddress AzureWireServer = IPAddress.Parse("168.63.129.16");

    private bool AllowLoopback => options.CurrentValue.AllowLoopback;

    /// <summary>Returns why <paramref name="url"/> may not be fetched, or null when it may.</summary>
    public string? CheckUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return "must be an absolute http or https URL";
        }

        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return "must not contain credentials";
        }

        if (url.IsLoopback && !IPAddress.TryParse(url.IdnHost, out _))
        {
            return AllowLoopback ? null : "must not point at a loopback address";
        }

        return IPAddress.TryParse(url.IdnHost, out var literal) ? CheckAddress(literal) : null;
    }

    /// <summary>Returns why <paramref name="address"/> may not be connected to, or null when it may.</summary>
    public string? CheckAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return AllowLoopback ? null : "must not point at a loopback address";
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => CheckIPv4(address),
            AddressFamily.InterNetworkV6 => CheckIPv6(address),
            _ => "must be an IP address",
        };
    }

    private static string? CheckIPv4(IPAddress address)
    {
        var b = address.GetAddressBytes();
        return b switch
        {
            [0, ..] => "must not point at an unspecified address",
            [10, ..] or [172, >= 16 and <= 31, ..] or [192, 168, ..] or [100, >= 64 and <= 127, ..] or [198, 18 or 19, ..] =>
                "must not point at a private address",
            [169, 254, ..] => "must not point at a link-local or metadata address",
            [>= 224, ..] => "must not point at a multicast or reserved address",
            _ when address.Equals(AzureWireServer) => "must not point at a metadata address",
            _ => null,
        };
    }

    private string? CheckIPv6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6Any))
        {
            return "must not point at an unspecified address";
        }

        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal)
        {
            return "must not point at a link-local address";
        }

        if (address.IsIPv6Multicast)
        {
            return "must not point at a multicast address";
        }

        var b = address.GetAddressBytes();
        if ((b[0] & 0xfe) == 0xfc)
        {
            return "must not point at a private address";
        }

        // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) embed an IPv4 address: judge that one, loopback included.
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4..12].All(x => x == 0))
        {
            return CheckAddress(new IPAddress(b[12..16]));
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return CheckAddress(new IPAddress(b[2..6]));
        }

        return null;
    }

    /// <summary>
    /// A <see cref="SocketsHttpHandler.ConnectCallback"/> that resolves the host itself and connects only to
    /// allowed addresses, so the check holds for the address actually used (DNS rebinding, redirects).
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new HttpRequestException($"The host '{host}' has no address.");
        }

        string? reason = null;
        foreach (var address in addresses)
        {
            reason = CheckAddress(address);
            if (reason is not null)
            {
                continue;
            }

            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new HttpRequestException($"Refused to connect to '{host}': the address {reason}.");
    }
}
