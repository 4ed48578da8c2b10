using System.Xml.Linq;

namespace Alerts.Core.Feeds.Parsing;

/// <summary>The XML namespaces feeds are written in.</summary>
internal static class FeedNamespaces
{
    public static readonly XNamespace Atom10 = "http://www.w3.org/2005/Atom";
    public static readonly XNamespace Atom03 = "http://purl.org/atom/ns#";
    public static readonly XNamespace Rss10 = "http://purl.org/rss/1.0/";
    public static readonly XNamespace Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    public static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static readonly XNamespace Content = "http://purl.org/rss/1.0/modules/content/";
    public static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    public static readonly XNamespace DcTerms = "http://purl.org/dc/terms/";
    public static readonly XNamespace Media = "http://search.yahoo.com/mrss/";
    public static readonly XNamespace Itunes = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    public static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    /// <summary>Atom 1.0, Atom 0.3 and the pre-standard drafts, all read alike.</summary>
    public static bool IsAtom(XNamespace ns) =>
        ns == Atom10 || ns == Atom03 || ns == XNamespace.None
        || ns.NamespaceName.StartsWith("http://purl.org/atom/", StringComparison.Ordinal)
        || ns.NamespaceName.Contains("atompub", StringComparison.OrdinalIgnoreCase)
        || ns.NamespaceName.Contains("/atom", StringComparison.OrdinalIgnoreCase);

    /// <summary>Media RSS is declared with and without its trailing slash.</summary>
    public static bool IsMedia(XNamespace ns) => ns.NamespaceName.TrimEnd('/') == Media.NamespaceName.TrimEnd('/');
}
