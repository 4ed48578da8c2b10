using static Alerts.Core.Tests.Feeds.FeedParsing;

namespace Alerts.Core.Tests.Feeds;

public class FeedRecoveryTests
{
    [Fact]
    public void Decodes_html_named_entities_that_xml_does_not_define()
    {
        Assert.Equal("Caf\u00e9 \u2014 \u20ac5\u00a0bn\u2026", Parse("<rss><channel><title>Caf&eacute; &mdash; &euro;5&nbsp;bn&hellip;</title></channel></rss>").Title);
    }

    [Fact]
    public void Keeps_unknown_entities_as_literal_text()
    {
        Assert.Equal("a &bogus; b", Parse("<rss><channel><title>a &bogus; b</title></channel></rss>").Title);
    }

    [Fact]
    public void Escapes_bare_ampersands_and_angle_brackets_without_losing_later_entities()
    {
        Assert.Equal("Fish & Chips &amp; more <3 \u00e9", Parse("<rss><channel><title>Fish & Chips &amp;amp; more <3 &eacute;</title></channel></rss>").Title);
    }

    [Fact]
    public void Does_not_decode_legacy_entity_prefixes_inside_query_strings()
    {
        var entry = SingleEntry("<rss><channel><item><link>https://q.test/?page=1&copy=2&reg=3</link></item></channel></rss>");

        Assert.Equal("https://q.test/?page=1&copy=2&reg=3", entry.Link);
    }

    [Fact]
    public void Drops_control_characters_that_xml_forbids()
    {
        Assert.Equal("abcd", SingleEntry("<rss><channel><item><title>ab\u0001c\u001Fd</title></item></channel></rss>").Title);
    }

    [Fact]
    public void Recovers_unclosed_and_crossed_tags()
    {
        var feed = Parse("""
            <rss version="2.0"><channel><title>Broken</title>
            <item><title>One</title><description><p>para<br>line</description></item>
            <item><title>Two<link>https://b.test/2</link></item>
            </channel>
            """);

        Assert.Equal("Broken", feed.Title);
        Assert.Equal(2, feed.Entries.Count);
        Assert.Equal("One", feed.Entries[0].Title);
        Assert.Contains("para", feed.Entries[0].Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_elements_with_undeclared_well_known_prefixes()
    {
        var entry = SingleEntry("<rss version=\"2.0\"><channel><item><title>t</title><content:encoded>Body</content:encoded><dc:creator>Ann</dc:creator></item></channel></rss>");

        Assert.Equal("Body", entry.Content);
        Assert.Equal(["Ann"], entry.Authors);
    }

    [Theory]
    [InlineData("<dc:>x</dc:>")]
    [InlineData("<a:b:c>x</a:b:c>")]
    [InlineData("<x a:=\"1\" b:c:d=\"2\">x</x>")]
    public void Survives_malformed_qualified_names(string junk)
    {
        Assert.Equal("t", Parse($"<rss><channel><title>t</title>{junk}<item><title>i</title></item></channel></rss>").Title);
    }

    [Fact]
    public void Quotes_unquoted_attributes()
    {
        var entry = SingleEntry("""<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><link rel=alternate href=https://a.test/1 /></entry></feed>""");

        Assert.Equal("https://a.test/1", entry.Link);
    }

    [Fact]
    public void Ignores_leading_whitespace_junk_and_a_misplaced_xml_declaration()
    {
        var feed = Parse("\n\n   <!-- generated --><?xml version=\"1.0\"?><rss><channel><title>Late declaration</title></channel></rss>");

        Assert.Equal("Late declaration", feed.Title);
    }

    [Fact]
    public void Closes_an_unterminated_cdata_section()
    {
        Assert.Equal(
            "<b>never closed",
            Parse("<rss><channel><title>t</title><item><description><![CDATA[<b>never closed").Entries.Single().Summary);
    }
}
