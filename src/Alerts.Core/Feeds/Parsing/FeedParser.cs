using System.Xml.Linq;

namespace Alerts.Core.Feeds.Parsing;

/// <summary>
/// Reads RSS 0.90-2.0, RSS 1.0 (RDF), Atom 0.3/1.0 and JSON Feed 1.0/1.1 from real-world bytes: the encoding is
/// sniffed, ill-formed XML is repaired or read forgivingly, and no DTD, external entity or entity expansion is
/// ever processed. Documents over the size, time or nesting limits of <see cref="FeedParserOptions"/> are refused.
/// </summary>
public sealed class FeedParser : IFeedParser
{
    private readonly FeedParserOptions _options;

    /// <summary>A parser with the default limits.</summary>
    public FeedParser()
        : this(FeedParserOptions.Default)
    {
    }

    /// <summary>A parser with the given limits.</summary>
    public FeedParser(FeedParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
    }

    /// <inheritdoc />
    public ParsedFeed Parse(Stream document, FeedParseContext context)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        var deadline = new Deadline(_options.Timeout);
        var bytes = ReadBounded(document);
        var text = FeedDecoder.Decode(bytes, context.ContentType);
        deadline.Check();

        var start = FirstSignificant(text);
        if (start < 0)
        {
            throw new FeedFormatException("Not a feed: the document is empty.");
        }

        if (text[start] is '{' or '[')
        {
            return TextCleanup.Apply(JsonFeedReader.Read(text[start..], context.BaseUri), deadline);
        }

        var repaired = XmlRepair.Repair(text, _options, deadline);
        var root = XmlTree.Build(repaired, _options, deadline);
        deadline.Check();
        return TextCleanup.Apply(Map(root, context.BaseUri), deadline);
    }

    private static ParsedFeed Map(XElement root, Uri? baseUri) => root.Name.LocalName switch
    {
        "rss" or "RDF" or "channel" => RssReader.Read(root, baseUri),
        "feed" => AtomReader.Read(root, baseUri),
        _ => throw new FeedFormatException($"Not a feed: unsupported root element <{root.Name.LocalName}>."),
    };

    private byte[] ReadBounded(Stream document)
    {
        var limit = _options.MaxDocumentBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = document.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new FeedFormatException($"Refused: the document is larger than the {limit} bytes allowed.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static int FirstSignificant(string text)
    {
        for (var k = 0; k < text.Length; k++)
        {
            if (!char.IsWhiteSpace(text[k]) && text[k] != '\uFEFF')
            {
                return k;
            }
        }

        return -1;
    }
}
