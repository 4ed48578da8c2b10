using System.Text;
using System.Xml.Linq;
using static Alerts.Core.Feeds.Parsing.XmlContent;

namespace Alerts.Core.Feeds.Parsing;

/// <summary>Atom 1.0, Atom 0.3 and the pre-standard drafts (any namespace, or none, on a <c>feed</c> root).</summary>
internal static class AtomReader
{
    public static ParsedFeed Read(XElement feed, Uri? documentBase)
    {
        var ns = feed.Name.Namespace;
        var legacy = ns != FeedNamespaces.Atom10;
        var entries = Children(feed, ns, "entry").Select(entry => Entry(entry, ns, legacy, documentBase)).ToList();
        return new ParsedFeed(
            TextConstruct(Child(feed, ns, "title"), legacy),
            AlternateLink(feed, ns, documentBase),
            NullIfEmpty(feed.Attribute(XNamespace.Xml + "lang")?.Value),
            entries);
    }

    private static FeedEntry Entry(XElement entry, XNamespace ns, bool legacy, Uri? documentBase)
    {
        var title = TextConstruct(Child(entry, ns, "title"), legacy);
        var link = AlternateLink(entry, ns, documentBase);
        var idElement = Child(entry, ns, "id");
        var published = Date(entry, ns, "published") ?? Date(entry, ns, "issued") ?? Date(entry, ns, "created");
        var updated = Date(entry, ns, "updated") ?? Date(entry, ns, "modified");
        if (legacy)
        {
            published ??= updated; // Atom 0.3 readers take modified as the publication date when nothing else is given
        }

        var summary = TextConstruct(Child(entry, ns, "summary"), legacy);
        var content = TextConstruct(Child(entry, ns, "content"), legacy);
        return new FeedEntry
        {
            Id = ResolveId(Text(idElement), idElement, documentBase) ?? link ?? HashId(title, published ?? updated, summary ?? content),
            Title = title,
            Link = link,
            Summary = summary,
            Content = content,
            Published = published,
            Updated = updated,
            Authors = Children(entry, ns, "author").Select(a => Text(Child(a, ns, "name")) ?? Text(Child(a, ns, "email"))).OfType<string>()
                .Concat(entry.Elements(FeedNamespaces.Dc + "creator").Select(Text).OfType<string>()).ToList(),
            Categories = Children(entry, ns, "category").Select(c => NullIfEmpty(c.Attribute("term")?.Value) ?? Text(c)).OfType<string>()
                .Concat(entry.Elements(FeedNamespaces.Dc + "subject").Select(Text).OfType<string>()).ToList(),
            Language = NullIfEmpty(entry.Attribute(XNamespace.Xml + "lang")?.Value),
        };
    }

    private static DateTimeOffset? Date(XElement parent, XNamespace ns, string name) => FeedDates.Parse(Text(Child(parent, ns, name)));

    private static string? AlternateLink(XElement parent, XNamespace ns, Uri? documentBase)
    {
        XElement? fallback = null;
        foreach (var link in Children(parent, ns, "link"))
        {
            if (Href(link) is null)
            {
                continue;
            }

            var rel = NullIfEmpty(link.Attribute("rel")?.Value) ?? "alternate";
            if (rel.Equals("alternate", StringComparison.OrdinalIgnoreCase) || rel.Equals("http://www.iana.org/assignments/relation/alternate", StringComparison.OrdinalIgnoreCase))
            {
                return ResolveLink(Href(link), link, documentBase);
            }

            fallback ??= rel is "self" or "enclosure" or "edit" or "replies" or "via" or "related" ? null : link;
        }

        return fallback is null ? null : ResolveLink(Href(fallback), fallback, documentBase);
    }

    // Some feeds put the URL in the element text, RSS-style, instead of href.
    private static string? Href(XElement link) => NullIfEmpty(link.Attribute("href")?.Value) ?? Text(link);

    /// <summary>
    /// An Atom text construct: <c>text</c> and <c>html</c> are their text; <c>xhtml</c> and XML types are their markup
    /// (the wrapping XHTML div dropped); other media types are base64 (Atom 1.0) as is Atom 0.3 <c>mode="base64"</c>.
    /// </summary>
    internal static string? TextConstruct(XElement? element, bool legacy)
    {
        if (element is null)
        {
            return null;
        }

        var type = (element.Attribute("type")?.Value ?? string.Empty).Trim().ToUpperInvariant();
        var mode = (element.Attribute("mode")?.Value ?? string.Empty).Trim().ToUpperInvariant();
        if (mode == "BASE64")
        {
            return Base64(element);
        }

        if (mode == "ESCAPED")
        {
            return Text(element);
        }

        if (type is "XHTML" or "APPLICATION/XHTML+XML" || mode == "XML" || type.EndsWith("/XML", StringComparison.Ordinal) || type.EndsWith("+XML", StringComparison.Ordinal))
        {
            var nodes = element.Nodes().Where(n => n is not XText t || !string.IsNullOrWhiteSpace(t.Value)).ToList();
            var wrapper = !legacy && nodes is [XElement { Name.LocalName: "div" } div] ? div : element;
            return NullIfEmpty(InnerMarkup(wrapper));
        }

        if (type is "" or "TEXT" or "HTML" || type.StartsWith("TEXT/", StringComparison.Ordinal) || type.Contains("JSON", StringComparison.Ordinal) || !type.Contains('/', StringComparison.Ordinal))
        {
            return Text(element);
        }

        return Base64(element);
    }

    private static string? Base64(XElement element)
    {
        var text = Text(element);
        if (text is null)
        {
            return null;
        }

        try
        {
            return NullIfEmpty(new UTF8Encoding(false, true).GetString(Convert.FromBase64String(text)));
        }
        catch (FormatException)
        {
            return text;
        }
        catch (DecoderFallbackException)
        {
            return text;
        }
    }

    private static XElement? Child(XElement parent, XNamespace ns, string name) => Children(parent, ns, name).FirstOrDefault();

    private static IEnumerable<XElement> Children(XElement parent, XNamespace ns, string name) =>
        parent.Elements().Where(e => e.Name.LocalName == name && (e.Name.Namespace == ns || e.Name.Namespace == FeedNamespaces.Atom10 || e.Name.Namespace == XNamespace.None));
}
