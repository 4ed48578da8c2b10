using System.Globalization;
using System.Text.RegularExpressions;

namespace Alerts.Core.Extraction;

/// <summary>
/// Rule-based extractor of money amounts and tickers. Hand-written because no library here does it:
/// Microsoft.Recognizers.Text does not restore and finds under half of the amounts in news.
/// </summary>
public sealed partial class DealExtractor : IDealExtractor
{
    private static readonly Dictionary<string, decimal> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["k"] = 1e3m, ["thousand"] = 1e3m, ["m"] = 1e6m, ["mn"] = 1e6m, ["mln"] = 1e6m, ["million"] = 1e6m, ["millions"] = 1e6m,
        ["bn"] = 1e9m, ["bln"] = 1e9m, ["b"] = 1e9m, ["billion"] = 1e9m, ["billions"] = 1e9m,
        ["milliard"] = 1e9m, ["milliards"] = 1e9m, ["tn"] = 1e12m, ["trillion"] = 1e12m,
    };

    private static readonly Dictionary<string, string> CurrencyWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["$"] = "USD", ["US$"] = "USD", ["dollars"] = "USD", ["dollar"] = "USD", ["dlrs"] = "USD", ["usd"] = "USD",
        ["€"] = "EUR", ["euros"] = "EUR", ["euro"] = "EUR", ["eur"] = "EUR",
        ["£"] = "GBP", ["pounds"] = "GBP", ["gbp"] = "GBP", ["¥"] = "JPY", ["yen"] = "JPY", ["jpy"] = "JPY",
    };

    public ExtractionResult Extract(string text, string? language = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var amounts = new List<MoneyAmount>();
        foreach (Match m in PrefixedAmount().Matches(text))
        {
            AddAmount(amounts, m, m.Groups["cur"].Value, m.Groups["num"].Value, m.Groups["scale"].Value, language);
        }

        foreach (Match m in SuffixedAmount().Matches(text))
        {
            AddAmount(amounts, m, m.Groups["cur"].Value, m.Groups["num"].Value, m.Groups["scale"].Value, language);
        }

        amounts.Sort((a, b) => a.Evidence.Start.CompareTo(b.Evidence.Start));

        var tickers = new List<TickerMention>();
        foreach (Match m in ReutersCode().Matches(text))
        {
            var key = TickerNormalizer.TryNormalize(m.Value);
            if (key is { } k)
            {
                tickers.Add(new TickerMention(m.Value, k.Code, k.Exchange, new TextEvidence(m.Index, m.Length, m.Value)));
            }
        }

        return new ExtractionResult(amounts, tickers, language);
    }

    private static void AddAmount(List<MoneyAmount> amounts, Match m, string currencyText, string number, string scale, string? language)
    {
        if (!CurrencyWords.TryGetValue(currencyText.Trim(), out var currency))
        {
            return;
        }

        var normalized = number.Replace(" ", string.Empty, StringComparison.Ordinal);
        var frenchStyle = language is "fr" or "de" or "es" || !normalized.Contains('.', StringComparison.Ordinal) && normalized.Count(c => c == ',') == 1 && normalized.Length - normalized.IndexOf(',', StringComparison.Ordinal) != 4;
        normalized = frenchStyle
            ? normalized.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.')
            : normalized.Replace(",", string.Empty, StringComparison.Ordinal);
        if (!decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return;
        }

        if (scale.Length > 0 && Scales.TryGetValue(scale, out var multiplier))
        {
            value *= multiplier;
        }

        if (amounts.Any(a => m.Index < a.Evidence.Start + a.Evidence.Length && a.Evidence.Start < m.Index + m.Length))
        {
            return;
        }

        amounts.Add(new MoneyAmount(value, currency, AmountQualifier.Exact, new TextEvidence(m.Index, m.Length, m.Value)));
    }

    [GeneratedRegex(@"(?<cur>US\$|\$|€|£|¥)\s?(?<num>\d[\d,. ]*\d|\d)(?:\s?(?<scale>thousand|million|billion|trillion|bn|mn|mln|bln|tn|k|m|b)\b)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PrefixedAmount();

    [GeneratedRegex(@"(?<num>\d[\d,. ]*\d|\d)\s?(?:(?<scale>thousand|millions?|billions?|trillion|milliards?|bn|mn|mln|bln|tn)\s+)?(?:de\s+|d')?(?<cur>dollars?|dlrs|euros?|pounds|yen|USD|EUR|GBP|JPY)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SuffixedAmount();

    [GeneratedRegex(@"(?<![\w.$])[0-9A-Z]{1,6}(?:_[a-z])?\.(?:T|O|OQ|N|K|L|PA|DE|HK|AS|MI|MC|S|TO|AX|KS|SS|SZ)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ReutersCode();
}
