using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace Alerts.Core.Feeds.Parsing;

/// <summary>Reading values out of feed elements: trimmed text, inline XHTML as markup, xml:base-resolved links.</summary>
internal static class XmlContent
{
    /// <summary>The element's text, or its markup when it holds child elements (naked HTML in a description).</summary>
    public static string? TextOrMarkup(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        return element.HasElements ? NullIfEmpty(InnerMarkup(element)) : Text(element);
    }

    public static string? Text(XElement? element) => element is null ? null : NullIfEmpty(element.Value.Trim());

    public static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Serializes the children as HTML-ish markup with local names only (namespaces mean nothing to a reader).</summary>
    public static string InnerMarkup(XElement element)
    {
        var sb = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            Write(node, sb);
        }

        return sb.ToString();
    }

    private static void Write(XNode node, StringBuilder sb)
    {
        switch (node)
        {
            case XCData cdata:
                sb.Append(cdata.Value); // CDATA mixed into markup is HTML the publisher escaped as a block
                break;
            case XText text:
                Escape(text.Value, sb, attribute: false);
                break;
            case XElement element:
                sb.Append('<').Append(element.Name.LocalName);
                foreach (var attribute in element.Attributes())
                {
                    if (attribute.IsNamespaceDeclaration)
                    {
                        continue;
                    }

                    var name = attribute.Name.Namespace == XNamespace.Xml ? "xml:" + attribute.Name.LocalName : attribute.Name.LocalName;
                    sb.Append(' ').Append(name).Append("=\"");
                    Escape(attribute.Value, sb, attribute: true);
                    sb.Append('"');
                }

                if (element.IsEmpty)
                {
                    sb.Append(" />");
                    break;
                }

                sb.Append('>');
                foreach (var child in element.Nodes())
                {
                    Write(child, sb);
                }

                sb.Append("</").Append(element.Name.LocalName).Append('>');
                break;
            default:
                break;
        }
    }

    private static void Escape(string value, StringBuilder sb, bool attribute)
    {
        foreach (var c in value)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '"' when attribute => sb.Append("&quot;"),
                _ => sb.Append(c),
            };
        }
    }

    /// <summary>The base URI in effect at <paramref name="element"/>: the document URL refined by every xml:base above it.</summary>
    public static Uri? BaseOf(XElement? element, Uri? documentBase)
    {
        var bases = new List<string>();
        for (var e = element; e is not null; e = e.Parent)
        {
            if (e.Attribute(XNamespace.Xml + "base")?.Value is { } value)
            {
                bases.Add(value.Trim());
            }
        }

        // A relative xml:base refines the base above it; an absolute one replaces it (but on Unix "/path" parses as an
        // absolute file URI, which must not pass for a location).
        var current = documentBase;
        for (var k = bases.Count - 1; k >= 0; k--)
        {
            if (current is not null && Uri.TryCreate(current, bases[k], out var combined))
            {
                current = combined;
            }
            else if (Uri.TryCreate(bases[k], UriKind.Absolute, out var absolute) && !absolute.IsFile)
            {
                current = absolute;
            }
        }

        return current;
    }

    /// <summary>
    /// Resolves a relative reference against the base in effect; absolute references (and anything when no base is
    /// known) are returned as written, so a link is never normalized behind the publisher's back.
    /// </summary>
    public static string? ResolveLink(string? link, XElement? at, Uri? documentBase)
    {
        link = NullIfEmpty(link);
        if (link is null || HasScheme(link))
        {
            return link;
        }

        var baseUri = BaseOf(at, documentBase);
        return baseUri is not null && Uri.TryCreate(baseUri, link, out var resolved) ? resolved.AbsoluteUri : link;
    }

    /// <summary>Ids are opaque, but a relative path under an xml:base is a relative URI and is resolved like a link.</summary>
    public static string? ResolveId(string? id, XElement? at, Uri? documentBase)
    {
        id = NullIfEmpty(id);
        if (id is null || HasScheme(id) || id.Any(char.IsWhiteSpace) || !(at?.AncestorsAndSelf().Any(e => e.Attribute(XNamespace.Xml + "base") is not null) == true || (documentBase is not null && id.StartsWith('/'))))
        {
            return id;
        }

        return ResolveLink(id, at, documentBase);
    }

    private static bool HasScheme(string link)
    {
        var colon = link.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        for (var k = 0; k < colon; k++)
        {
            var c = link[k];
            if (!(char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.'))
            {
                return false;
            }
        }

        return char.IsAsciiLetter(link[0]);
    }

    /// <summary>The id of an item that has none: a hash of title and date (of the text when it has neither), stable across polls.</summary>
    public static string HashId(string? title, DateTimeOffset? date, string? text)
    {
        var key = title is null && date is null ? text : $"{title}\u001f{date:O}";
        return "urn:sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key ?? string.Empty)), 0, 16);
    }
}
