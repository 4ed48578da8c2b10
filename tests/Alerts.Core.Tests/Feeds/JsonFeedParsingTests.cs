using Alerts.Core.Feeds;
using static Alerts.Core.Tests.Feeds.FeedParsing;

namespace Alerts.Core.Tests.Feeds;

public class JsonFeedParsingTests
{
    [Fact]
    public void Reads_json_feed_1_1()
    {
        var feed = Parse("""
            {
              "version": "https://jsonfeed.org/version/1.1",
              "title": "JSON desk",
              "home_page_url": "https://json.test/",
              "language": "en",
              "items": [
                {
                  "id": "j-1",
                  "url": "https://json.test/1",
                  "title": "Bond sale",
                  "summary": "Short",
                  "content_html": "<p>Long</p>",
                  "content_text": "Long",
                  "date_published": "2026-02-01T10:00:00-05:00",
                  "date_modified": "2026-02-01T16:00:00Z",
                  "authors": [{ "name": "Ann" }],
                  "tags": ["bonds"]
                }
              ]
            }
            """);

        Assert.Equal("JSON desk", feed.Title);
        Assert.Equal("https://json.test/", feed.Link);
        var entry = Assert.Single(feed.Entries);
        Assert.Equal("j-1", entry.Id);
        Assert.Equal("https://json.test/1", entry.Link);
        Assert.Equal("<p>Long</p>", entry.Content);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 15, 0, 0, TimeSpan.Zero), entry.Published);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 16, 0, 0, TimeSpan.Zero), entry.Updated);
        Assert.Equal(["Ann"], entry.Authors);
        Assert.Equal(["bonds"], entry.Categories);
    }

    [Fact]
    public void Reads_json_feed_1_0_with_text_content_and_single_author()
    {
        var entry = SingleEntry("""
            {"version": "https://jsonfeed.org/version/1", "title": "t",
             "items": [{"id": 7, "content_text": "Plain body", "author": {"name": "Bob"}}]}
            """);

        Assert.Equal("7", entry.Id);
        Assert.Equal("Plain body", entry.Content);
        Assert.Equal(["Bob"], entry.Authors);
    }

    [Theory]
    [InlineData("""{"version": "https://jsonfeed.org/version/1.1", "items": [""")]
    [InlineData("""{"name": "not a feed"}""")]
    public void Refuses_invalid_json_or_json_that_is_not_a_feed(string document)
    {
        Assert.Throws<FeedFormatException>(() => Parse(document));
    }
}
