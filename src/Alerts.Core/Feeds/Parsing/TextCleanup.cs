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
    private static readonly Encoding Windows1252 = FeedDecoder.Windows1252();
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    // Characters windows-1252 can encode: Latin-1 minus the C1 range, plus the 27 characters it puts there.
    private static readonly HashSet<char> Windows1252Chars =
    [
        .. Enumerable.Range(0, 256).Where(c => c is < 0x80 or > 0x9F).Select(c => (char)c),
        .. Windows1252.GetString([.. Enumerable.Range(0x80, 32).Select(b => (byte)b)]).Where(c => c is < '\u0080' or > '\u009F'),
    ];

    public static ParsedFeed Apply(ParsedFeed feed, Deadline deadline)
    {
        var entries = new List<FeedEntry>(feed.Entries.Count);
        foreach (var entry in feed.Entries)
        {
            if (entries.Count % 256 == 0)
            {
                deadline.Check();
            }

            entries.Add(entry with { Title = Clean(entry.Title), Summary = Clean(entry.Summary), Content = Clean(entry.Content) });
        }

        return feed with { Title = Clean(feed.Title), Entries = entries };
    }

    internal static string? Clean(string? value) => value is null ? null : XmlContent.NullIfEmpty(Sanitize(FixDoubleEncoding(value)));

    /// <summary>Text whose characters are all windows-1252 and whose bytes are valid multi-byte UTF-8 was decoded twice.</summary>
    internal static string FixDoubleEncoding(string value)
    {
        // Checked without exceptions: most non-ASCII text is legitimate and must stay cheap.
        if (!value.Any(c => c is >= '\u00C2' and <= '\u00F4') || !value.All(Windows1252Chars.Contains))
        {
            return value;
        }

        var bytes = Windows1252.GetBytes(value);
        return System.Text.Unicode.Utf8.IsValid(bytes) ? StrictUtf8.GetString(bytes) : value;
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
