namespace Alerts.Core.Extraction;

/// <summary>Where in the text a value was found.</summary>
public sealed record TextEvidence(int Start, int Length, string Text);

/// <summary>How the text qualifies an amount ("up to", "about", "more than").</summary>
public enum AmountQualifier
{
    Exact,
    Approximate,
    UpperBound,
    LowerBound,
}

/// <summary>A sum of money: the full value in units of an ISO 4217 currency.</summary>
public sealed record MoneyAmount(decimal Value, string Currency, AmountQualifier Qualifier, TextEvidence Evidence);

/// <summary>A stock symbol as written ("9984.T", "NASDAQ:GOOGL", "$AAPL") with its normalised form.</summary>
/// <param name="Symbol">The symbol as the corpus writes it: Reuters suffix kept, prefix and cashtag removed.</param>
/// <param name="Code">The bare code without exchange ("9984", "GOOGL").</param>
/// <param name="Exchange">The exchange's MIC where known ("XTKS", "XNAS"), else null.</param>
public sealed record TickerMention(string Symbol, string Code, string? Exchange, TextEvidence Evidence);

/// <summary>What the extractor found in one article.</summary>
public sealed record ExtractionResult(
    IReadOnlyList<MoneyAmount> Amounts,
    IReadOnlyList<TickerMention> Tickers,
    string? Language);

/// <summary>Finds money amounts and stock tickers in text; pure, no I/O.</summary>
public interface IDealExtractor
{
    /// <param name="text">Title and body of an article.</param>
    /// <param name="language">BCP 47 language from the feed or item when known; detected otherwise.</param>
    ExtractionResult Extract(string text, string? language = null);
}
