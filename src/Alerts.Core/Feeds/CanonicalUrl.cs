namespace Alerts.Core.Feeds;

/// <summary>
/// The form of an article URL used to recognise one story across feeds: scheme and host lower-cased, default port,
/// fragment and tracking parameters (utm_*, fbclid, gclid) removed. The path and other parameters are kept as they
/// are, since servers may treat them case-sensitively.
/// </summary>
public static class CanonicalUrl
{
    /// <summary>The canonical form, or null when <paramref name="url"/> is not an absolute http(s) URL.</summary>
    public static string? Normalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        // Uri already lower-cases scheme and host and drops the default port in this form.
        var head = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        var kept = uri.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !IsTracking(p.Split('=', 2)[0]))
            .ToList();
        return kept.Count == 0 ? head : head + "?" + string.Join('&', kept);
    }

    private static bool IsTracking(string name) =>
        name.StartsWith("utm_", StringComparison.OrdinalIgnoreCase)
        || name.Equals("fbclid", StringComparison.OrdinalIgnoreCase)
        || name.Equals("gclid", StringComparison.OrdinalIgnoreCase);
}
