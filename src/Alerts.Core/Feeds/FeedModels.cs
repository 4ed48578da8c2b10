namespace Alerts.Core.Feeds;

/// <summary>A feed as parsed from one document (RSS, Atom or JSON Feed).</summary>
public sealed record ParsedFeed(
    string? Title,
    string? Link,
    string? Language,
    IReadOnlyList<FeedEntry> Entries)
{
    /// <summary>RSS <c>&lt;ttl&gt;</c> when the document states one: the publisher's minimum time between polls.</summary>
    public TimeSpan? TimeToLive { get; init; }
}

/// <summary>One item of a feed, normalised across formats.</summary>
public sealed record FeedEntry
{
    /// <summary>guid / id / rdf:about, else the link, else a hash of title and date.</summary>
    public required string Id { get; init; }
    public string? Title { get; init; }
    public string? Link { get; init; }
    public string? Summary { get; init; }
    public string? Content { get; init; }
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Updated { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public IReadOnlyList<string> Categories { get; init; } = [];
    public string? Language { get; init; }
}

/// <summary>What the parser knows about a document besides its bytes.</summary>
/// <param name="ContentType">The HTTP Content-Type header, whose charset wins over the XML declaration.</param>
/// <param name="BaseUri">The document's URL, against which relative links resolve.</param>
public sealed record FeedParseContext(string? ContentType = null, Uri? BaseUri = null);

/// <summary>Turns a feed document into a <see cref="ParsedFeed"/>.</summary>
public interface IFeedParser
{
    /// <exception cref="FeedFormatException">The document is not a feed, is hostile, or is too broken to read.</exception>
    ParsedFeed Parse(Stream document, FeedParseContext context);
}

/// <summary>A document that was refused as a feed; the message says why.</summary>
public sealed class FeedFormatException : Exception
{
    public FeedFormatException(string message) : base(message) { }
    public FeedFormatException(string message, Exception inner) : base(message, inner) { }
    public FeedFormatException() { }
}
