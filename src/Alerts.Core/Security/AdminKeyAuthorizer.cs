using System.Security.Cryptography;
using System.Text;
using Alerts.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Security;

/// <summary>Checks the admin key presented in <c>x-functions-key</c> against <c>Alerts:AdminKey</c>.</summary>
public sealed class AdminKeyAuthorizer(IOptionsMonitor<AlertsOptions> options)
{
    /// <summary>The header that carries the key (the same as Azure Functions' function keys).</summary>
    public const string HeaderName = "x-functions-key";

    /// <summary>True when an admin key is configured, so this check applies.</summary>
    public bool IsEnabled => !string.IsNullOrEmpty(options.CurrentValue.AdminKey);

    /// <summary>Compares in constant time, so the key cannot be guessed from response times.</summary>
    public bool IsAuthorized(string? presentedKey)
    {
        var expected = options.CurrentValue.AdminKey;
        if (string.IsNullOrEmpty(expected))
        {
            return true;
        }

        return presentedKey is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presentedKey), Encoding.UTF8.GetBytes(expected));
    }
}
