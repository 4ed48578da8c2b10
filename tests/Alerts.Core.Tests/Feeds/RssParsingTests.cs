using static Alerts.Core.Tests.Feeds.FeedParsing;

namespace Alerts.Core.Tests.Feeds;

public class RssParsingTests
{
    [Fact]
    public void Reads_rss_2_channel_and_item_fields()
    {
        var feed = Parse(Rss("""
            <item>
              <title>Acme buys Widgets</title>
              <link>https://news.test/acme-widgets</link>
              <guid isPermaLink="false">deal-42</guid>
              <description>Acme agreed to buy Widgets.</description>
              <pubDate>Tue, 3 Mar 2026 09:30:00 GMT</pubDate>
              <author>desk@news.test (Deal Desk)</author>
              <category>M&amp;A</category>
            </item>
            """, "<language>en-gb</language>"));

        Assert.Equal("Desk", feed.Title);
        Assert.Equal("https://news.test/", feed.Link);
        Assert.Equal("en-gb", feed.Language);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal("deal-42", entry.Id);
        Assert.Equal("Acme buys Widgets", entry.Title);
        Assert.Equal("https://news.test/acme-widgets", entry.Link);
        Assert.Equal("Acme agreed to buy Widgets.", entry.Summary);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 9, 30, 0, TimeSpan.Zero), entry.Published);
        Assert.Equal(["desk@news.test (Deal Desk)"], entry.Authors);
        Assert.Equal(["M&A"], entry.Categories);
    }

    [Fact]
    public void Reads_content_encoded_and_dublin_core_modules()
    {
        var entry = SingleEntry(Rss(
            """
            <item>
              <dc:title>Module title</dc:title>
              <content:encoded><![CDATA[<p>Full <b>text</b></p>]]></content:encoded>
              <dc:date>2026-03-03T10:00:00+01:00</dc:date>
              <dc:creator>Jane Roe</dc:creator>
              <dc:subject>Banks</dc:subject>
            </item>
            """,
            rssAttributes: """xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" """));

        Assert.Equal("Module title", entry.Title);
        Assert.Equal("<p>Full <b>text</b></p>", entry.Content);
        Assert.Equal(new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero), entry.Published);
        Assert.Equal(entry.Published, entry.Updated);
        Assert.Equal(["Jane Roe"], entry.Authors);
        Assert.Equal(["Banks"], entry.Categories);
    }

    [Fact]
    public void Uses_a_permalink_guid_as_the_link_when_the_item_has_none()
    {
        var entry = SingleEntry(Rss("<item><title>t</title><guid>https://news.test/p/1</guid></item>"));

        Assert.Equal("https://news.test/p/1", entry.Link);
        Assert.Equal("https://news.test/p/1", entry.Id);
    }

    [Fact]
    public void Never_takes_a_guid_marked_not_permalink_as_the_link()
    {
        var entry = SingleEntry(Rss("""<item><title>t</title><guid isPermaLink="false">https://news.test/p/1</guid></item>"""));

        Assert.Null(entry.Link);
        Assert.Equal("https://news.test/p/1", entry.Id);
    }

    [Fact]
    public void Falls_back_to_the_link_then_to_a_stable_hash_of_title_and_date_for_the_id()
    {
        var withLink = SingleEntry(Rss("<item><title>t</title><link>https://news.test/a</link></item>"));
        var bare = Rss("<item><title>Only a title</title><pubDate>Tue, 03 Mar 2026 09:30:00 GMT</pubDate></item>");

        Assert.Equal("https://news.test/a", withLink.Id);
        Assert.StartsWith("urn:sha256:", SingleEntry(bare).Id, StringComparison.Ordinal);
        Assert.Equal(SingleEntry(bare).Id, SingleEntry(bare).Id);
        Assert.NotEqual(SingleEntry(bare).Id, SingleEntry(bare.Replace("Only a title", "Another title", StringComparison.Ordinal)).Id);
    }

    [Fact]
    public void Keeps_escaped_and_cdata_html_in_descriptions_as_markup()
    {
        var escaped = SingleEntry(Rss("<item><description>&lt;p&gt;Rates &amp;amp; bonds&lt;/p&gt;</description></item>"));
        var cdata = SingleEntry(Rss("<item><description><![CDATA[<p>Rates &amp; bonds</p>]]></description></item>"));

        Assert.Equal("<p>Rates &amp; bonds</p>", escaped.Summary);
        Assert.Equal("<p>Rates &amp; bonds</p>", cdata.Summary);
    }

    [Fact]
    public void Reads_rss_1_0_rdf_items_beside_the_channel_with_rdf_about_as_id()
    {
        var feed = Parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
              <channel rdf:about="https://news.test/rdf"><title>RDF desk</title><link>https://news.test/</link></channel>
              <item rdf:about="https://news.test/rdf/1"><title>First</title><link>https://news.test/1</link><description>One</description></item>
              <item rdf:about="https://news.test/rdf/2"><title>Second</title><link>https://news.test/2</link></item>
            </rdf:RDF>
            """);

        Assert.Equal("RDF desk", feed.Title);
        Assert.Equal(["https://news.test/rdf/1", "https://news.test/rdf/2"], feed.Entries.Select(e => e.Id));
        Assert.Equal("One", feed.Entries[0].Summary);
    }

    [Fact]
    public void Reads_rss_0_90_in_the_netscape_namespace()
    {
        var feed = Parse("""
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
              <channel><title>Old desk</title><link>https://news.test/</link></channel>
              <item><title>Oldest</title><link>https://news.test/old</link></item>
            </rdf:RDF>
            """);

        Assert.Equal("Old desk", feed.Title);
        Assert.Equal("https://news.test/old", Assert.Single(feed.Entries).Link);
    }

    [Fact]
    public void Reads_rss_0_91_with_its_netscape_doctype()
    {
        var feed = Parse("""
            <?xml version="1.0" encoding="ISO-8859-1"?>
            <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
            <rss version="0.91"><channel><title>Ninety-one</title><item><title>Item</title><link>https://news.test/91</link></item></channel></rss>
            """);

        Assert.Equal("Ninety-one", feed.Title);
        Assert.Equal("https://news.test/91", Assert.Single(feed.Entries).Link);
    }

    [Fact]
    public void Resolves_relative_links_against_xml_base_and_the_document_url()
    {
        var feed = Parse(
            Rss("""<item xml:base="/markets/"><title>t</title><link>story/1</link></item><item><title>u</title><link>/top</link></item>"""),
            baseUri: new Uri("https://news.test/feeds/rss"));

        Assert.Equal("https://news.test/markets/story/1", feed.Entries[0].Link);
        Assert.Equal("https://news.test/top", feed.Entries[1].Link);
    }

    [Fact]
    public void Leaves_relative_links_as_written_when_no_base_is_known()
    {
        Assert.Equal("story/1", SingleEntry(Rss("<item><link>story/1</link></item>")).Link);
    }

    [Fact]
    public void Refuses_a_document_that_is_not_a_feed()
    {
        var error = Assert.Throws<Alerts.Core.Feeds.FeedFormatException>(() => Parse("<html><body>Not a feed</body></html>"));

        Assert.Contains("<html>", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    [InlineData("just text")]
    public void Refuses_empty_or_markup_free_documents(string document)
    {
        Assert.Throws<Alerts.Core.Feeds.FeedFormatException>(() => Parse(document));
    }
}
