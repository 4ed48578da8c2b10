using System.Net;
using System.Xml;
using System.Xml.Linq;

namespace Alerts.Core.Feeds.Parsing;

/// <summary>
/// Builds an element tree from repaired feed text: a strict, hardened <see cref="XmlReader"/> first, and when the
/// document is still not well-formed (unclosed or crossed tags, undeclared prefixes) a forgiving builder that
/// closes what is left open, as browsers and feed readers do.
/// </summary>
internal static class XmlTree
{
    // Prefixes feeds use without declaring them; anything else undeclared gets a namespace of its own.
    private static readonly Dictionary<string, string> WellKnownPrefixes = new(StringComparer.Ordinal)
    {
        ["xml"] = XNamespace.Xml.NamespaceName,
        ["atom"] = FeedNamespaces.Atom10.NamespaceName,
        ["content"] = FeedNamespaces.Content.NamespaceName,
        ["dc"] = FeedNamespaces.Dc.NamespaceName,
        ["dcterms"] = FeedNamespaces.DcTerms.NamespaceName,
        ["media"] = FeedNamespaces.Media.NamespaceName,
        ["rdf"] = FeedNamespaces.Rdf.NamespaceName,
        ["itunes"] = FeedNamespaces.Itunes.NamespaceName,
        ["xhtml"] = FeedNamespaces.Xhtml.NamespaceName,
    };

    // HTML elements that never have content: naked HTML in descriptions leaves them unclosed.
    private static readonly HashSet<string> VoidElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    public static XElement Build(string repaired, FeedParserOptions options, Deadline deadline)
    {
        try
        {
            return Strict(repaired, options, deadline);
        }
        catch (XmlException)
        {
            return Lenient(repaired, options, deadline);
        }
    }

    internal static XElement Strict(string text, FeedParserOptions options, Deadline deadline)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore, // repair removed the DOCTYPE; this is a second lock
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = text.Length + 1L,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            CheckCharacters = true,
        };

        using var reader = XmlReader.Create(new StringReader(text), settings);
        var stack = new Stack<XElement>();
        XElement? root = null;
        var nodes = 0;
        while (reader.Read())
        {
            if (++nodes % 1024 == 0)
            {
                deadline.Check();
            }

            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
                    if (reader.MoveToFirstAttribute())
                    {
                        do
                        {
                            if (reader.NamespaceURI != XNamespace.Xmlns.NamespaceName)
                            {
                                element.SetAttributeValue(XName.Get(reader.LocalName, reader.NamespaceURI), reader.Value);
                            }
                        }
                        while (reader.MoveToNextAttribute());
                        reader.MoveToElement();
                    }

                    if (stack.Count == 0)
                    {
                        root = element;
                    }
                    else
                    {
                        stack.Peek().Add(element);
                    }

                    if (!reader.IsEmptyElement)
                    {
                        stack.Push(element);
                        CheckDepth(stack.Count, options);
                    }

                    break;
                case XmlNodeType.EndElement:
                    stack.Pop();
                    break;
                case XmlNodeType.Text or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (stack.Count > 0)
                    {
                        stack.Peek().Add(new XText(reader.Value));
                    }

                    break;
                case XmlNodeType.CDATA:
                    if (stack.Count > 0)
                    {
                        stack.Peek().Add(new XCData(reader.Value));
                    }

                    break;
                default:
                    break;
            }
        }

        return root ?? throw new FeedFormatException("Not a feed: the document has no root element.");
    }

    internal static XElement Lenient(string text, FeedParserOptions options, Deadline deadline)
    {
        var stack = new List<(XElement Element, string RawName, Dictionary<string, string>? Scope)>();
        XElement? root = null;
        var i = 0;
        var nodes = 0;
        while (i < text.Length)
        {
            if (++nodes % 1024 == 0)
            {
                deadline.Check();
            }

            if (text[i] != '<')
            {
                var next = text.IndexOf('<', i);
                var end = next < 0 ? text.Length : next;
                if (stack.Count > 0)
                {
                    stack[^1].Element.Add(new XText(WebUtility.HtmlDecode(text[i..end])));
                }

                i = end;
            }
            else if (string.CompareOrdinal(text, i, "<![CDATA[", 0, 9) == 0)
            {
                var end = text.IndexOf("]]>", i + 9, StringComparison.Ordinal);
                var stop = end < 0 ? text.Length : end;
                if (stack.Count > 0)
                {
                    stack[^1].Element.Add(new XCData(text[(i + 9)..stop]));
                }

                i = end < 0 ? text.Length : end + 3;
            }
            else if (i + 1 < text.Length && text[i + 1] == '/')
            {
                var end = text.IndexOf('>', i);
                var name = text[(i + 2)..(end < 0 ? text.Length : end)].Trim();
                var open = stack.FindLastIndex(s => s.RawName == name);
                if (open >= 0)
                {
                    stack.RemoveRange(open, stack.Count - open); // closes anything left open inside it
                }

                i = end < 0 ? text.Length : end + 1;
            }
            else
            {
                var end = TagEnd(text, i);
                var selfClosing = end > i && text[end - 1] == '/';
                var (rawName, attributes) = ParseTag(text.AsSpan(i + 1, (selfClosing ? end - 1 : end) - i - 1));
                Dictionary<string, string>? scope = null;
                foreach (var (name, value) in attributes)
                {
                    if (name == "xmlns" || name.StartsWith("xmlns:", StringComparison.Ordinal))
                    {
                        scope ??= new Dictionary<string, string>(StringComparer.Ordinal);
                        scope[name.Length > 5 ? name[6..] : string.Empty] = value;
                    }
                }

                var element = new XElement(Resolve(rawName, stack, scope, isAttribute: false));
                foreach (var (name, value) in attributes)
                {
                    if (name != "xmlns" && !name.StartsWith("xmlns:", StringComparison.Ordinal))
                    {
                        element.SetAttributeValue(Resolve(name, stack, scope, isAttribute: true), value);
                    }
                }

                if (stack.Count > 0)
                {
                    stack[^1].Element.Add(element);
                }
                else if (root is null)
                {
                    root = element;
                }
                else
                {
                    root.Add(element); // content after the root element closed too early
                }

                if (!selfClosing && !VoidElements.Contains(element.Name.LocalName))
                {
                    stack.Add((element, rawName, scope));
                    CheckDepth(stack.Count, options);
                }

                i = end + 1;
            }
        }

        return root ?? throw new FeedFormatException("Not a feed: the document has no root element.");
    }

    private static int TagEnd(string text, int start)
    {
        // Repair quoted every attribute with double quotes, so '>' inside quotes is the only trap.
        var inQuotes = false;
        for (var k = start; k < text.Length; k++)
        {
            if (text[k] == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (text[k] == '>' && !inQuotes)
            {
                return k;
            }
        }

        return text.Length;
    }

    private static (string Name, List<(string Name, string Value)> Attributes) ParseTag(ReadOnlySpan<char> tag)
    {
        var k = 0;
        while (k < tag.Length && !char.IsWhiteSpace(tag[k]))
        {
            k++;
        }

        var name = tag[..k].ToString();
        var attributes = new List<(string, string)>();
        while (k < tag.Length)
        {
            while (k < tag.Length && char.IsWhiteSpace(tag[k]))
            {
                k++;
            }

            var eq = tag[k..].IndexOf("=\"", StringComparison.Ordinal);
            if (eq < 0)
            {
                break;
            }

            var attributeName = tag.Slice(k, eq).Trim().ToString();
            var valueStart = k + eq + 2;
            var close = tag[valueStart..].IndexOf('"');
            var valueEnd = close < 0 ? tag.Length : valueStart + close;
            attributes.Add((attributeName, WebUtility.HtmlDecode(tag[valueStart..valueEnd].ToString())));
            k = valueEnd + 1;
        }

        return (name, attributes);
    }

    private static XName Resolve(
        string rawName,
        List<(XElement Element, string RawName, Dictionary<string, string>? Scope)> stack,
        Dictionary<string, string>? own,
        bool isAttribute)
    {
        var colon = rawName.IndexOf(':', StringComparison.Ordinal);
        var prefix = colon > 0 ? rawName[..colon] : string.Empty;
        var local = colon > 0 ? rawName[(colon + 1)..] : rawName;
        if (!IsNcName(local))
        {
            local = XmlConvert.EncodeLocalName(local.Length == 0 ? "_" : local);
        }

        if (isAttribute && prefix.Length == 0)
        {
            return XName.Get(local); // unprefixed attributes are in no namespace
        }

        var uri = Lookup(prefix, own, stack);
        return XName.Get(local, uri);
    }

    private static string Lookup(string prefix, Dictionary<string, string>? own, List<(XElement Element, string RawName, Dictionary<string, string>? Scope)> stack)
    {
        if (own is not null && own.TryGetValue(prefix, out var uri))
        {
            return uri;
        }

        for (var k = stack.Count - 1; k >= 0; k--)
        {
            if (stack[k].Scope is { } scope && scope.TryGetValue(prefix, out uri))
            {
                return uri;
            }
        }

        if (prefix.Length == 0)
        {
            return string.Empty;
        }

        return WellKnownPrefixes.TryGetValue(prefix, out uri) ? uri : "urn:x-undeclared-prefix:" + prefix;
    }

    private static bool IsNcName(string name) =>
        name.Length > 0 && XmlConvert.IsStartNCNameChar(name[0]) && name.All(XmlConvert.IsNCNameChar);

    private static void CheckDepth(int depth, FeedParserOptions options)
    {
        if (depth > options.MaxDepth)
        {
            throw new FeedFormatException($"Refused: elements are nested deeper than {options.MaxDepth} levels.");
        }
    }
}
