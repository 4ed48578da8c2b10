using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Alerts.Core.Feeds.Parsing;

/// <summary>
/// RSS 2.0 and Atom 1.0 parser over a hardened <see cref="XmlReader"/> (no DTD, no external entities).
/// </summary>
public sealed class FeedParser : IFeedParser
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    public ParsedFeed Parse(Stream document, FeedParseContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersFromEntities = 0,
            IgnoreComments = true,
        };

        XDocument xml;
        try
        {
            using var reader = XmlReader.Create(document, settings);
            xml = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new FeedFormatException($"Not well-formed XML: {ex.Message}", ex);
        }

        var root = xml.Root ?? throw new FeedFormatException("Empty document.");
        return root.Name.LocalName switch
        {
            "rss" => ParseRss(root, context.BaseUri),
            "feed" when root.Name.Namespace == Atom => ParseAtom(root, context.BaseUri),
            _ => throw new FeedFormatException($"Unsupported root element <{root.Name.LocalName}>."),
        };
    }

    private static ParsedFeed ParseRss(XElement root, Uri? baseUri)
    {
        var channel = root.Element("channel") ?? throw new FeedFormatException("RSS document without <channel>.");
        var entries = channel.Elements("item").Select(item =>
        {
            var title = Text(item.Element("title"));
            var link = Resolve(Text(item.Element("link")), baseUri);
            var published = ParseDate(Text(item.Element("pubDate")) ?? Text(item.Element(Dc + "date")));
            return new FeedEntry
            {
                Id = Text(item.Element("guid")) ?? link ?? Hash(title, published),
                Title = title,
                Link = link,
                Summary = Text(item.Element("description")),
                Content = Text(item.Element(Content + "encoded")),
                Published = published,
                Authors = item.Elements("author").Concat(item.Elements(Dc + "creator")).Select(Text).OfType<string>().ToList(),
                Categories = item.Elements("category").Select(Text).OfType<string>().ToList(),
            };
        }).ToList();
        return new ParsedFeed(Text(channel.Element("title")), Resolve(Text(channel.Element("link")), baseUri), Text(channel.Element("language")), entries);
    }

    private static ParsedFeed ParseAtom(XElement root, Uri? baseUri)
    {
        var entries = root.Elements(Atom + "entry").Select(entry =>
        {
            var title = Text(entry.Element(Atom + "title"));
            var link = Resolve(AlternateLink(entry), baseUri);
            var published = ParseDate(Text(entry.Element(Atom + "published")));
            var updated = ParseDate(Text(entry.Element(Atom + "updated")));
            return new FeedEntry
            {
                Id = Text(entry.Element(Atom + "id")) ?? link ?? Hash(title, published ?? updated),
                Title = title,
                Link = link,
                Summary = Text(entry.Element(Atom + "summary")),
                Content = Text(entry.Element(Atom + "content")),
                Published = published ?? updated,
                Updated = updated,
                Authors = entry.Elements(Atom + "author").Select(a => Text(a.Element(Atom + "name"))).OfType<string>().ToList(),
                Categories = entry.Elements(Atom + "category").Select(c => (string?)c.Attribute("term")).OfType<string>().ToList(),
            };
        }).ToList();
        return new ParsedFeed(Text(root.Element(Atom + "title")), Resolve(AlternateLink(root), baseUri), (string?)root.Attribute(XNamespace.Xml + "lang"), entries);
    }

    private static string? AlternateLink(XElement parent) =>
        parent.Elements(Atom + "link")
            .Where(l => ((string?)l.Attribute("rel") ?? "alternate") == "alternate")
            .Select(l => (string?)l.Attribute("href"))
            .FirstOrDefault();

    private static string? Text(XElement? element)
    {
        var value = element?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    private static string? Resolve(string? link, Uri? baseUri) =>
        link is null ? null
        : baseUri is not null && Uri.TryCreate(baseUri, link, out var absolute) ? absolute.AbsoluteUri
        : link;

    private static DateTimeOffset? ParseDate(string? value)
    {
        if (value is null)
        {
            return null;
        }

        string[] formats = ["ddd, d MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss 'GMT'", "d MMM yyyy HH:mm:ss zzz"];
        var normalized = value.Replace("GMT", "+00:00", StringComparison.Ordinal).Replace("UT", "+00:00", StringComparison.Ordinal);
        if (DateTimeOffset.TryParseExact(normalized, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var rfc822))
        {
            return rfc822.ToUniversalTime();
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var iso) ? iso.ToUniversalTime() : null;
    }

    private static string Hash(string? title, DateTimeOffset? date) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{title}\u001f{date:O}")), 0, 16);
}
