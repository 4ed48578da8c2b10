using System.Xml.Linq;
using static Alerts.Core.Feeds.Parsing.XmlContent;

namespace Alerts.Core.Feeds.Parsing;

/// <summary>
/// RSS 0.90 to 2.0 and RSS 1.0 (RDF): the core elements in the document's own namespace (or none), plus the
/// usual modules (Dublin Core, content:encoded, xhtml:body, Media RSS, iTunes, Atom links and dates).
/// </summary>
internal static class RssReader
{
    private static readonly XNamespace Atom = FeedNamespaces.Atom10;
    private static readonly XNamespace Dc = FeedNamespaces.Dc;
    private static readonly XNamespace DcTerms = FeedNamespaces.DcTerms;

    public static ParsedFeed Read(XElement root, Uri? documentBase)
    {
        var channel = root.Elements().FirstOrDefault(e => e.Name.LocalName == "channel") ?? root;
        var items = channel.Elements().Where(e => e.Name.LocalName == "item" && IsCore(e, channel));
        if (channel != root)
        {
            // RSS 0.90 and 1.0 put items beside the channel, not in it.
            items = items.Concat(root.Elements().Where(e => e.Name.LocalName == "item" && IsCore(e, channel)));
        }

        var entries = items.Select(item => Entry(item, documentBase)).ToList();
        var title = Text(Core(channel, "title")) ?? Text(channel.Element(Dc + "title"));
        var link = ResolveLink(Text(Core(channel, "link")), Core(channel, "link"), documentBase)
            ?? AtomLink(channel, documentBase);
        var language = Text(Core(channel, "language")) ?? Text(channel.Element(Dc + "language")) ?? NullIfEmpty(root.Attribute(XNamespace.Xml + "lang")?.Value);
        return new ParsedFeed(title, link, language, entries);
    }

    private static FeedEntry Entry(XElement item, Uri? documentBase)
    {
        var title = Text(Core(item, "title")) ?? Text(item.Element(Dc + "title")) ?? MediaTitle(item);

        var linkElement = Core(item, "link");
        var link = ResolveLink(Text(linkElement), linkElement, documentBase) ?? AtomLink(item, documentBase);
        var guid = Core(item, "guid");
        var guidText = Text(guid);
        var permalink = !string.Equals(guid?.Attribute("isPermaLink")?.Value?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        if (link is null && guidText is not null && permalink && LooksLikeUrl(guidText))
        {
            link = ResolveLink(guidText, guid, documentBase);
        }

        // The first description/summary is the summary; a second one (both present) is the full text.
        string? summary = null, secondary = null;
        foreach (var element in item.Elements().Where(e => e.Name.LocalName is "description" or "summary" && IsCore(e, item)))
        {
            if (summary is null)
            {
                summary = TextOrMarkup(element);
            }
            else
            {
                secondary ??= TextOrMarkup(element);
            }
        }

        summary ??= Text(item.Element(Dc + "description")) ?? Itunes(item, "summary")
            ?? AtomReader.TextConstruct(item.Element(Atom + "summary"), legacy: false);

        var content = Text(item.Element(FeedNamespaces.Content + "encoded"))
            ?? XhtmlBody(item)
            ?? TextOrMarkup(Core(item, "fullitem"))
            ?? AtomReader.TextConstruct(item.Element(Atom + "content"), legacy: false)
            ?? secondary
            ?? EncodedWithoutNamespace(item);

        var dcDate = FeedDates.Parse(Text(item.Element(Dc + "date")));
        var published = FeedDates.Parse(Text(Core(item, "pubDate")))
            ?? FeedDates.Parse(Text(item.Element(DcTerms + "issued")))
            ?? FeedDates.Parse(Text(item.Element(Atom + "published")))
            ?? dcDate
            ?? FeedDates.Parse(Text(item.Element(DcTerms + "created")));
        var updated = FeedDates.Parse(Text(item.Element(Atom + "updated")))
            ?? FeedDates.Parse(Text(item.Element(DcTerms + "modified")))
            ?? dcDate;

        var about = NullIfEmpty(item.Attribute(FeedNamespaces.Rdf + "about")?.Value);
        var id = guidText
            ?? about
            ?? Text(item.Element(Atom + "id"))
            ?? link
            ?? HashId(title, published ?? updated, summary ?? content);

        return new FeedEntry
        {
            Id = id,
            Title = title,
            Link = link,
            Summary = summary,
            Content = content,
            Published = published,
            Updated = updated,
            Authors = Core(item, "author") is { } author && Text(author) is { } a ? [a, .. Creators(item)] : Creators(item),
            Categories = item.Elements().Where(e => e.Name.LocalName == "category" && IsCore(e, item)).Select(Text)
                .Concat(item.Elements(Dc + "subject").Select(Text)).OfType<string>().ToList(),
            Language = Text(item.Element(Dc + "language")) ?? NullIfEmpty(item.Attribute(XNamespace.Xml + "lang")?.Value),
        };
    }

    private static List<string> Creators(XElement item) =>
        item.Elements(Dc + "creator").Concat(item.Elements().Where(e => e.Name.LocalName == "author" && IsItunes(e.Name.Namespace))).Select(Text).OfType<string>().ToList();

    private static string? Itunes(XElement item, string name) =>
        item.Elements().Where(e => e.Name.LocalName == name && IsItunes(e.Name.Namespace)).Select(Text).FirstOrDefault(t => t is not null);

    // Apple's namespace URI is matched loosely: feeds spell it with every capitalisation.
    private static bool IsItunes(XNamespace ns) => ns.NamespaceName.Contains("itunes.com/dtds/podcast", StringComparison.OrdinalIgnoreCase);

    private static string? MediaTitle(XElement item) =>
        item.Elements().Where(e => e.Name.LocalName == "title" && FeedNamespaces.IsMedia(e.Name.Namespace)).Select(Text).FirstOrDefault(t => t is not null)
        ?? item.Descendants().Where(e => e.Name.LocalName == "title" && FeedNamespaces.IsMedia(e.Name.Namespace)).Select(Text).FirstOrDefault(t => t is not null);

    private static string? XhtmlBody(XElement item)
    {
        var body = item.Elements().FirstOrDefault(e => e.Name.LocalName is "body" or "div" && e.Name.Namespace == FeedNamespaces.Xhtml);
        return body is null ? null : NullIfEmpty(InnerMarkup(body));
    }

    // <content:encoded> with the prefix never declared arrives (from the forgiving builder) in a namespace of its own.
    private static string? EncodedWithoutNamespace(XElement item) =>
        item.Elements().Where(e => e.Name.LocalName == "encoded").Select(Text).FirstOrDefault(t => t is not null);

    private static string? AtomLink(XElement parent, Uri? documentBase)
    {
        var link = parent.Elements(Atom + "link").FirstOrDefault(l =>
            !string.IsNullOrWhiteSpace(l.Attribute("href")?.Value) && (NullIfEmpty(l.Attribute("rel")?.Value) ?? "alternate") == "alternate");
        return link is null ? null : ResolveLink(link.Attribute("href")!.Value, link, documentBase);
    }

    private static bool LooksLikeUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static XElement? Core(XElement parent, string name) =>
        parent.Elements().FirstOrDefault(e => e.Name.LocalName == name && IsCore(e, parent));

    // Core RSS elements are unqualified (0.91-2.0) or in the document's own namespace (0.90, 1.0, namespaced 2.0).
    private static bool IsCore(XElement element, XElement parent) =>
        element.Name.Namespace == XNamespace.None || element.Name.Namespace == parent.Name.Namespace
        || (parent.Name.Namespace == FeedNamespaces.Rdf && (element.Name.Namespace == FeedNamespaces.Rss10 || element.Name.Namespace == FeedNamespaces.Rss090));
}
