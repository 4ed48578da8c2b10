using System.Text;
using static Alerts.Core.Tests.Feeds.FeedParsing;

namespace Alerts.Core.Tests.Feeds;

public class FeedEncodingTests
{
    static FeedEncodingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string Title = "Zürich €5bn — 년 年";

    private static string Document(string declaredEncoding) =>
        $"""<?xml version="1.0" encoding="{declaredEncoding}"?><rss version="2.0"><channel><title>{Title}</title></channel></rss>""";

    [Theory]
    [InlineData("utf-16LE", true)]
    [InlineData("utf-16BE", true)]
    [InlineData("utf-32LE", true)]
    [InlineData("utf-32BE", true)]
    [InlineData("utf-8", true)]
    [InlineData("utf-16LE", false)]
    [InlineData("utf-16BE", false)]
    public void Reads_unicode_encodings_from_the_byte_order_mark_or_the_null_byte_pattern(string encodingName, bool withBom)
    {
        var encoding = encodingName switch
        {
            "utf-16LE" => (Encoding)new UnicodeEncoding(false, withBom),
            "utf-16BE" => new UnicodeEncoding(true, withBom),
            "utf-32LE" => new UTF32Encoding(false, withBom),
            "utf-32BE" => new UTF32Encoding(true, withBom),
            _ => new UTF8Encoding(withBom),
        };
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(Document(encodingName.StartsWith("utf-8", StringComparison.Ordinal) ? "utf-8" : encodingName[..6]))).ToArray();

        Assert.Equal(Title, ParseBytes(bytes).Title);
    }

    [Theory]
    [InlineData("big5", "臺北股市")]
    [InlineData("euc-kr", "증권 시장")]
    [InlineData("shift_jis", "株式市場")]
    [InlineData("koi8-r", "Биржа")]
    [InlineData("iso-8859-1", "Société Générale")]
    [InlineData("windows-1252", "“Smart” quotes")]
    public void Reads_legacy_encodings_named_by_the_xml_declaration(string encodingName, string title)
    {
        var document = $"""<?xml version="1.0" encoding="{encodingName}"?><rss version="2.0"><channel><title>{title}</title></channel></rss>""";

        Assert.Equal(title, ParseBytes(Encoding.GetEncoding(encodingName).GetBytes(document)).Title);
    }

    [Fact]
    public void Lets_the_http_charset_win_over_the_xml_declaration()
    {
        var document = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Crédit “agricole”</title></channel></rss>""";
        var bytes = Encoding.GetEncoding(1252).GetBytes(document);

        Assert.Equal("Crédit “agricole”", ParseBytes(bytes, "text/xml; charset=windows-1252").Title);
    }

    [Fact]
    public void Reads_undeclared_non_utf8_bytes_as_windows_1252()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("""<rss version="2.0"><channel><title>don’t panic</title></channel></rss>""");

        Assert.Equal("don’t panic", ParseBytes(bytes).Title);
    }

    [Fact]
    public void Maps_c1_control_characters_to_the_windows_1252_characters_meant()
    {
        Assert.Equal("don’t", Parse("<rss><channel><title>don\u0092t</title></channel></rss>").Title);
        Assert.Equal("don’t", Parse("<rss><channel><title>don&#146;t</title></channel></rss>").Title);
    }

    [Fact]
    public void Repairs_utf8_that_was_decoded_as_windows_1252_before_being_escaped()
    {
        Assert.Equal("Price…", Parse("<rss><channel><title>Price&#226;&#128;&#166;</title></channel></rss>").Title);
    }

    [Fact]
    public void Falls_back_to_utf8_for_an_unknown_declared_encoding()
    {
        var bytes = Encoding.UTF8.GetBytes("""<?xml version="1.0" encoding="bogus"?><rss><channel><title>Zürich</title></channel></rss>""");

        Assert.Equal("Zürich", ParseBytes(bytes).Title);
    }
}
