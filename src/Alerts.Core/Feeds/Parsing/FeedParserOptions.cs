namespace Alerts.Core.Feeds.Parsing;

/// <summary>Limits that keep one hostile or broken document from costing unbounded memory or time.</summary>
public sealed class FeedParserOptions
{
    /// <summary>Largest document read, in bytes; a longer one is refused rather than truncated (default 10 MB).</summary>
    public long MaxDocumentBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Wall-clock budget for one parse; past it the document is refused.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Deepest element nesting accepted (real feeds stay far below; deep nesting only serves to exhaust the stack).</summary>
    public int MaxDepth { get; init; } = 256;

    /// <summary>
    /// Largest text a DOCTYPE-declared entity may stand for once its references are followed; a DTD beyond it is an
    /// entity-expansion attack (billion laughs) and the document is refused.
    /// </summary>
    public int MaxEntityExpansion { get; init; } = 16 * 1024;

    /// <summary>The defaults, shared.</summary>
    public static FeedParserOptions Default { get; } = new();
}
