using static Alerts.Core.Tests.Feeds.FeedParsing;

namespace Alerts.Core.Tests.Feeds;

public class AtomParsingTests
{
    [Fact]
    public void Reads_atom_1_0_feed_and_entry_fields()
    {
        var feed = Parse(Atom(
            """
            <entry xml:lang="fr">
              <id>tag:wire.test,2026:1</id>
              <title>Levée de fonds</title>
              <link rel="self" href="https://wire.test/api/1"/>
              <link rel="alternate" type="text/html" href="https://wire.test/1"/>
              <summary>Short</summary>
              <content type="html">&lt;p&gt;Long&lt;/p&gt;</content>
              <published>2026-03-01T08:00:00Z</published>
              <updated>2026-03-02T08:00:00+02:00</updated>
              <author><name>A. Writer</name></author>
              <category term="funding"/>
            </entry>
            """,
            """<link href="https://wire.test/"/>"""));

        Assert.Equal("Wire", feed.Title);
        Assert.Equal("https://wire.test/", feed.Link);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal("tag:wire.test,2026:1", entry.Id);
        Assert.Equal("Levée de fonds", entry.Title);
        Assert.Equal("https://wire.test/1", entry.Link);
        Assert.Equal("Short", entry.Summary);
        Assert.Equal("<p>Long</p>", entry.Content);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero), entry.Published);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 6, 0, 0, TimeSpan.Zero), entry.Updated);
        Assert.Equal(["A. Writer"], entry.Authors);
        Assert.Equal(["funding"], entry.Categories);
        Assert.Equal("fr", entry.Language);
    }

    [Fact]
    public void Serializes_xhtml_content_without_its_wrapping_div()
    {
        var entry = SingleEntry(Atom("""
            <entry><id>x</id><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Up <b>3%</b> &amp; rising</div></content></entry>
            """));

        Assert.Equal("Up <b>3%</b> &amp; rising", entry.Content);
    }

    [Fact]
    public void Keeps_plain_text_titles_as_text_even_with_angle_brackets()
    {
        var entry = SingleEntry(Atom("""<entry><id>x</id><title type="text">Why &lt;b&gt; is bold</title></entry>"""));

        Assert.Equal("Why <b> is bold", entry.Title);
    }

    [Fact]
    public void Decodes_base64_content_of_a_binary_media_type()
    {
        var entry = SingleEntry(Atom("""<entry><id>x</id><content type="application/octet-stream">UHJvZml0cyB1cA==</content></entry>"""));

        Assert.Equal("Profits up", entry.Content);
    }

    [Fact]
    public void Reads_atom_0_3_with_issued_modified_and_escaped_mode()
    {
        var entry = SingleEntry("""
            <feed version="0.3" xmlns="http://purl.org/atom/ns#">
              <title>Old wire</title>
              <entry>
                <id>urn:old:1</id>
                <title type="text/html" mode="escaped">&lt;i&gt;Old&lt;/i&gt; news</title>
                <link rel="alternate" type="text/html" href="https://wire.test/old/1"/>
                <issued>2004-01-01T19:48:21Z</issued>
                <modified>2004-01-02T19:48:21Z</modified>
                <content type="text/plain" mode="base64">T2xkIGJvZHk=</content>
              </entry>
            </feed>
            """);

        Assert.Equal("<i>Old</i> news", entry.Title);
        Assert.Equal("https://wire.test/old/1", entry.Link);
        Assert.Equal(new DateTimeOffset(2004, 1, 1, 19, 48, 21, TimeSpan.Zero), entry.Published);
        Assert.Equal(new DateTimeOffset(2004, 1, 2, 19, 48, 21, TimeSpan.Zero), entry.Updated);
        Assert.Equal("Old body", entry.Content);
    }

    [Fact]
    public void Resolves_links_and_relative_ids_against_nested_xml_base()
    {
        var entry = SingleEntry("""
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://wire.test/base/">
              <entry xml:base="deals/">
                <id>2026/7</id>
                <link href="../story?id=7"/>
              </entry>
            </feed>
            """);

        Assert.Equal("https://wire.test/base/story?id=7", entry.Link);
        Assert.Equal("https://wire.test/base/deals/2026/7", entry.Id);
    }

    [Fact]
    public void Prefers_the_alternate_link_over_enclosures_whatever_their_order()
    {
        var entry = SingleEntry(Atom("""
            <entry><id>x</id><link rel="enclosure" href="https://wire.test/a.mp3"/><link rel="alternate" href="https://wire.test/page"/></entry>
            """));

        Assert.Equal("https://wire.test/page", entry.Link);
    }

    [Fact]
    public void Reads_a_feed_root_without_namespace_as_atom()
    {
        var feed = Parse("<feed><title>Bare</title><entry><id>1</id><title>One</title></entry></feed>");

        Assert.Equal("Bare", feed.Title);
        Assert.Equal("One", Assert.Single(feed.Entries).Title);
    }
}
