using System.Text;
using System.Text.RegularExpressions;

namespace Alerts.Core.Feeds.Parsing;

/// <summary>
/// Turns the bytes of a feed into text: byte order mark first, then the HTTP charset, then the XML declaration,
/// else UTF-8; bytes that are not valid UTF-8 are read as windows-1252, the usual real-world culprit.
/// </summary>
internal static partial class FeedDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static FeedDecoder()
    {
        // big5, euc-kr, koi8-r, shift_jis, windows-125x... live in the code-pages provider on .NET.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static string Decode(ReadOnlySpan<byte> bytes, string? contentType)
    {
        var (bomEncoding, bomLength) = FromBom(bytes);
        if (bomEncoding is not null)
        {
            return bomEncoding.GetString(bytes[bomLength..]);
        }

        var encoding = FromNullPattern(bytes)
            ?? FromName(CharsetOf(contentType))
            ?? FromName(DeclaredEncoding(bytes));

        if (encoding is null || encoding.CodePage == Encoding.UTF8.CodePage)
        {
            try
            {
                return StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                return Windows1252().GetString(bytes);
            }
        }

        return encoding.GetString(bytes); // invalid sequences become U+FFFD rather than failing the feed
    }

    private static (Encoding? Encoding, int Length) FromBom(ReadOnlySpan<byte> b) => b switch
    {
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4),
        [0xEF, 0xBB, 0xBF, ..] => (new UTF8Encoding(false), 3),
        [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false), 2),
        [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false), 2),
        _ => (null, 0),
    };

    // "<?xm" in UTF-16/32 without a byte order mark (XML 1.0 appendix F).
    private static Encoding? FromNullPattern(ReadOnlySpan<byte> b) => b switch
    {
        [0x00, 0x00, 0x00, 0x3C, ..] => new UTF32Encoding(bigEndian: true, byteOrderMark: false),
        [0x3C, 0x00, 0x00, 0x00, ..] => new UTF32Encoding(bigEndian: false, byteOrderMark: false),
        [0x00, 0x3C, 0x00, _, ..] => new UnicodeEncoding(bigEndian: true, byteOrderMark: false),
        [0x3C, 0x00, _, 0x00, ..] => new UnicodeEncoding(bigEndian: false, byteOrderMark: false),
        _ => null,
    };

    internal static string? CharsetOf(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return null;
        }

        var m = CharsetPattern().Match(contentType);
        return m.Success ? m.Groups[1].Value : null;
    }

    private static string? DeclaredEncoding(ReadOnlySpan<byte> bytes)
    {
        // The declaration is ASCII in every ASCII-compatible encoding; 1 KB covers it with room for leading junk.
        var head = Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, 1024)]);
        var m = DeclarationPattern().Match(head);
        return m.Success ? m.Groups[1].Value : null;
    }

    private static Encoding? FromName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        name = name.Trim().Trim('"', '\'');
        switch (name.ToUpperInvariant())
        {
            // Browsers read these labels as windows-1252 (WHATWG Encoding); its extra 0x80-0x9F characters are
            // what such feeds actually contain ("smart quotes").
            case "ISO-8859-1" or "ISO8859-1" or "LATIN1" or "LATIN-1" or "US-ASCII" or "ASCII" or "ISO_8859-1" or "CP1252":
                return Windows1252();
            case "GB2312" or "GBK" or "X-GBK":
                return Encoding.GetEncoding("GB18030");
            case "UTF-16" or "UTF16" or "UTF-32" or "UTF32":
                // Without a byte order mark and without the null pattern the declaration cannot be right; UTF-8 is.
                return null;
            default:
                break;
        }

        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null; // unknown label: fall back like a browser would
        }
    }

    internal static Encoding Windows1252() => Encoding.GetEncoding(1252);

    [GeneratedRegex("""charset\s*=\s*["']?([A-Za-z0-9._:\-]+)""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CharsetPattern();

    [GeneratedRegex("""<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:\-]+)["']""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeclarationPattern();
}
