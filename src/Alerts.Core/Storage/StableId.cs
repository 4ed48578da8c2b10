using System.Security.Cryptography;
using System.Text;

namespace Alerts.Core.Storage;

/// <summary>Deterministic identifiers, so that replaying a message produces the same keys (idempotency).</summary>
public static class StableId
{
    /// <summary>A 32-hex-character SHA-256 prefix of the parts joined by a separator no part can contain.</summary>
    public static string From(params string[] parts)
    {
        var joined = string.Join('\u001f', parts);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(joined));
        return Convert.ToHexStringLower(hash, 0, 16);
    }

    /// <summary>A new random identifier for resources created through the API.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
}
