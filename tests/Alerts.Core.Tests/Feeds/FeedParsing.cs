using System.Text;
using Alerts.Core.Feeds;
using Alerts.Core.Feeds.Parsing;

namespace Alerts.Core.Tests.Feeds;

/// <summary>Runs the production parser on documents written inline by the tests.</summary>
internal static class FeedParsing
{
    public static ParsedFeed Parse(string document, string? contentType = null, Uri? baseUri = null, FeedParserOptions? options = null) =>
        ParseBytes(Encoding.UTF8.GetBytes(document), contentType, baseUri, options);

    public static ParsedFeed ParseBytes(byte[] document, string? contentType = null, Uri? baseUri = null, FeedParserOptions? options = null)
    {
        using var stream = new MemoryStream(document);
        return new FeedParser(options ?? FeedParserOptions.Default).Parse(stream, new FeedParseContext(contentType, baseUri));
    }

    public static FeedEntry SingleEntry(string document, string? contentType = null, Uri? baseUri = null) =>
        Assert.Single(Parse(document, contentType, baseUri).Entries);

    public static string Rss(string items, string channelExtra = "", string rssAttributes = "") =>
        $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0" {rssAttributes}><channel><title>Desk</title><link>https://news.test/</link>{channelExtra}{items}</channel></rss>""";

    public static string Atom(string entries, string feedExtra = "") =>
        $"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>{feedExtra}{entries}</feed>""";
}
