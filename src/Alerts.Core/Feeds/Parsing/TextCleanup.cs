using System.Text;
using System.Text.RegularExpressions;

namespace Alerts.Core.Feeds.Parsing;

/// <summary>
/// Last pass over every text field: undoes UTF-8 read as windows-1252 ("â€™" for "’") and removes markup that can
/// execute (script-like elements, comments, event-handler attributes, javascript: URLs), since titles, summaries
/// and content end up in e-mails and web pages.
/// </summary>
internal static partial class TextCleanup
{
    private static readonly Encoding StrictWindows1252 = Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static ParsedFeed Apply(ParsedFeed feed) => feed with
    {
        Title = Clean(feed.Title),
        Entries = feed.Entries.Select(e => e with { Title = Clean(e.Title), Summary = Clean(e.Summary), Content = Clean(e.Content) }).ToList(),
    };

    internal static string? Clean(string? value) => value is null ? null : XmlContent.NullIfEmpty(Sanitize(FixDoubleEncoding(value)));

    /// <summary>Text whose characters are all windows-1252 and whose bytes are valid multi-byte UTF-8 was decoded twice.</summary>
    internal static string FixDoubleEncoding(string value)
    {
        if (!value.Any(c => c is >= '\u00C2' and <= '\u00F4'))
        {
            return value;
        }

        try
        {
            var decoded = StrictUtf8.GetString(StrictWindows1252.GetBytes(value));
            return decoded;
        }
        catch (EncoderFallbackException)
        {
            return value;
        }
        catch (DecoderFallbackException)
        {
            return value;
        }
    }

    internal static string Sanitize(string html)
    {
        if (!html.Contains('<', StringComparison.Ordinal))
        {
            return html;
        }

        try
        {
            html = Comment().Replace(html, string.Empty);
            html = ExecutableElement().Replace(html, string.Empty);
            html = ExecutableTag().Replace(html, string.Empty);
            return Tag().Replace(html, m => ScriptUrl().Replace(EventHandler().Replace(m.Value, string.Empty), "$1=\"#\""));
        }
        catch (RegexMatchTimeoutException)
        {
            // Markup built to make the patterns backtrack: show it as text rather than pass it on unchecked.
            return System.Net.WebUtility.HtmlEncode(html);
        }
    }

    [GeneratedRegex("<[A-Za-z][^<>]*>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Tag();

    // Comments end at "-->" or, as old SGML parsers read them, at "--" followed by anything up to ">"; an unclosed one runs to the end.
    [GeneratedRegex("<!--.*?(?:--[^>]*>|$)", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Comment();

    [GeneratedRegex(@"<(script|style|iframe|object|embed|applet|frameset|frame|noscript|noembed)\b[^>]*>.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ExecutableElement();

    [GeneratedRegex(@"</?(script|style|iframe|object|embed|applet|frameset|frame|noscript|noembed|meta|link|base)\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ExecutableTag();

    [GeneratedRegex("""(?:\s+|(?<=["'/]))on[a-z]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex EventHandler();

    [GeneratedRegex("""\b(href|src|action|formaction|background)\s*=\s*(?:"\s*(?:javascript|vbscript|data):[^"]*"|'\s*(?:javascript|vbscript|data):[^']*'|(?:javascript|vbscript|data):[^\s>]*)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ScriptUrl();
}
