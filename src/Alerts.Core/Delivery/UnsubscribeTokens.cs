using System.Security.Cryptography;
using System.Text;
using Alerts.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Delivery;

/// <summary>
/// Signed, subscription-scoped unsubscribe tokens: "{subscriptionId}.{base64url HMAC-SHA256}" keyed with
/// <c>Alerts:Unsubscribe:SigningKey</c>. Stateless, so a link in any mail ever sent keeps working.
/// </summary>
public sealed class UnsubscribeTokens(IOptionsMonitor<UnsubscribeOptions> options)
{
    public string Create(string subscriptionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(subscriptionId);
        return $"{subscriptionId}.{Base64Url(Mac(subscriptionId))}";
    }

    /// <summary>The subscription id the token was issued for, or null when it is malformed, forged or altered.</summary>
    public string? Validate(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 200)
        {
            return null;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0)
        {
            return null;
        }

        var id = token[..dot];
        var presented = Encoding.ASCII.GetBytes(token[(dot + 1)..]);
        var expected = Encoding.ASCII.GetBytes(Base64Url(Mac(id)));
        return CryptographicOperations.FixedTimeEquals(presented, expected) ? id : null;
    }

    /// <summary>The one-click unsubscribe URL under <paramref name="publicBaseUrl"/>.</summary>
    public Uri UrlFor(Uri publicBaseUrl, string subscriptionId)
    {
        ArgumentNullException.ThrowIfNull(publicBaseUrl);
        return new Uri(publicBaseUrl, $"api/unsubscribe?token={Uri.EscapeDataString(Create(subscriptionId))}");
    }

    // The purpose is part of the MAC, so the key cannot be misused to forge tokens of any other kind.
    private byte[] Mac(string subscriptionId) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.CurrentValue.SigningKey), Encoding.UTF8.GetBytes("unsubscribe\n" + subscriptionId));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
