using System.Text.RegularExpressions;

namespace Alerts.Core.Extraction;

/// <summary>A ticker reduced to what matching compares: the bare code and the exchange (MIC) when known.</summary>
public readonly record struct TickerKey(string Code, string? Exchange)
{
    /// <summary>True when both name the same code and their exchanges agree or one of them is unspecified.</summary>
    public bool Matches(TickerKey other) =>
        string.Equals(Code, other.Code, StringComparison.OrdinalIgnoreCase)
        && (Exchange is null || other.Exchange is null || string.Equals(Exchange, other.Exchange, StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Exchange is null ? Code : $"{Exchange}:{Code}";
}

/// <summary>Normalises the ways tickers are written ("GOOGL.O", "NASDAQ:GOOGL", "$GOOGL", "GOOGL") to a <see cref="TickerKey"/>.</summary>
public static partial class TickerNormalizer
{
    // Reuters RIC suffixes -> ISO 10383 MIC.
    private static readonly Dictionary<string, string> SuffixToMic = new(StringComparer.OrdinalIgnoreCase)
    {
        ["T"] = "XTKS", ["O"] = "XNAS", ["OQ"] = "XNAS", ["N"] = "XNYS", ["K"] = "XNYS", ["A"] = "XASE",
        ["L"] = "XLON", ["PA"] = "XPAR", ["DE"] = "XETR", ["F"] = "XFRA", ["HK"] = "XHKG", ["AS"] = "XAMS",
        ["BR"] = "XBRU", ["MI"] = "XMIL", ["MC"] = "XMAD", ["S"] = "XSWX", ["SW"] = "XSWX", ["VX"] = "XSWX",
        ["TO"] = "XTSE", ["V"] = "XTSX", ["AX"] = "XASX", ["SS"] = "XSHG", ["SZ"] = "XSHE", ["KS"] = "XKRX",
        ["KQ"] = "XKOS", ["TW"] = "XTAI", ["SI"] = "XSES", ["BO"] = "XBOM", ["NS"] = "XNSE", ["ST"] = "XSTO",
        ["CO"] = "XCSE", ["OL"] = "XOSL", ["HE"] = "XHEL", ["LS"] = "XLIS", ["I"] = "XDUB", ["SA"] = "BVMF",
        ["MX"] = "XMEX", ["JO"] = "XJSE", ["NZ"] = "XNZE", ["VI"] = "XWBO", ["IS"] = "XIST", ["WA"] = "XWAR",
    };

    // Exchange names used as prefixes ("NYSE: IBM") -> MIC.
    private static readonly Dictionary<string, string> PrefixToMic = new(StringComparer.OrdinalIgnoreCase)
    {
        ["NYSE"] = "XNYS", ["NASDAQ"] = "XNAS", ["NASDAQGS"] = "XNAS", ["NASDAQGM"] = "XNAS", ["AMEX"] = "XASE",
        ["NYSEAMERICAN"] = "XASE", ["LSE"] = "XLON", ["LON"] = "XLON", ["TSX"] = "XTSE", ["TSXV"] = "XTSX",
        ["EPA"] = "XPAR", ["EURONEXTPARIS"] = "XPAR", ["ETR"] = "XETR", ["XETRA"] = "XETR", ["FRA"] = "XFRA",
        ["TYO"] = "XTKS", ["TSE"] = "XTKS", ["HKEX"] = "XHKG", ["HKG"] = "XHKG", ["SEHK"] = "XHKG",
        ["ASX"] = "XASX", ["BSE"] = "XBOM", ["NSE"] = "XNSE", ["SIX"] = "XSWX", ["KRX"] = "XKRX",
        ["AMS"] = "XAMS", ["EURONEXTAMSTERDAM"] = "XAMS", ["BIT"] = "XMIL", ["BME"] = "XMAD", ["SGX"] = "XSES",
        ["PARIS"] = "XPAR", ["LONDON"] = "XLON", ["TOKYO"] = "XTKS", ["FRANKFURT"] = "XFRA", ["EURONEXTBRUSSELS"] = "XBRU",
        ["EURONEXTLISBON"] = "XLIS", ["EURONEXTDUBLIN"] = "XDUB", ["NYSEAMERICAN"] = "XASE", ["NYSEMKT"] = "XASE", ["NYSEARCA"] = "ARCX",
        ["NASDAQCM"] = "XNAS", ["KOSDAQ"] = "XKOS", ["JPX"] = "XTKS", ["HKSE"] = "XHKG", ["SWX"] = "XSWX", ["STO"] = "XSTO",
        ["CPH"] = "XCSE", ["HEL"] = "XHEL", ["OSL"] = "XOSL", ["WSE"] = "XWAR", ["JSE"] = "XJSE", ["BMV"] = "XMEX", ["SSE"] = "XSHG",
        ["SZSE"] = "XSHE", ["TWSE"] = "XTAI", ["NZX"] = "XNZE", ["FWB"] = "XFRA", ["TSX-V"] = "XTSX", ["AIM"] = "XLON",
        ["CSE"] = "XCNQ", ["BVMF"] = "BVMF",
    };

    // Bloomberg exchange codes ("AF FP", "VOD LN Equity") -> MIC.
    private static readonly Dictionary<string, string> BloombergToMic = new(StringComparer.Ordinal)
    {
        ["UN"] = "XNYS", ["UW"] = "XNAS", ["UQ"] = "XNAS", ["LN"] = "XLON", ["FP"] = "XPAR", ["GY"] = "XETR", ["GR"] = "XFRA",
        ["JT"] = "XTKS", ["JP"] = "XTKS", ["HK"] = "XHKG", ["SS"] = "XSTO", ["ST"] = "XSTO", ["IM"] = "XMIL", ["SM"] = "XMAD",
        ["NA"] = "XAMS", ["BB"] = "XBRU", ["SW"] = "XSWX", ["VX"] = "XSWX", ["CN"] = "XTSE", ["AU"] = "XASX", ["KS"] = "XKRX",
        ["DC"] = "XCSE", ["FH"] = "XHEL", ["NO"] = "XOSL",
    };

    /// <summary>Normalises a ticker as written; returns null when it is not a plausible symbol.</summary>
    public static TickerKey? TryNormalize(string raw)
    {
        var text = raw.Trim().TrimStart('<', '(').TrimEnd('>', ')').Trim();
        if (text.StartsWith('$'))
        {
            text = text[1..];
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0)
        {
            var prefix = WhiteSpace().Replace(text[..colon], string.Empty);
            var code = text[(colon + 1)..].Trim();
            if (code.Length == 0)
            {
                return null;
            }

            return new TickerKey(code.ToUpperInvariant(), PrefixToMic.GetValueOrDefault(prefix, prefix.ToUpperInvariant()));
        }

        if (text.EndsWith(" Equity", StringComparison.OrdinalIgnoreCase))
        {
            text = text[..^7].TrimEnd();
        }

        var space = text.LastIndexOf(' ');
        if (space > 0 && text.Length - space == 3 && BloombergToMic.TryGetValue(text[(space + 1)..], out var bloombergMic))
        {
            return new TickerKey(text[..space].Trim().ToUpperInvariant(), bloombergMic);
        }

        var dot = text.LastIndexOf('.');
        if (dot > 0 && dot < text.Length - 1 && SuffixToMic.TryGetValue(text[(dot + 1)..], out var mic))
        {
            return new TickerKey(text[..dot].ToUpperInvariant(), mic);
        }

        return text.Length == 0 ? null : new TickerKey(text.ToUpperInvariant(), null);
    }

    /// <summary>The MIC of a Reuters suffix ("T" -> "XTKS"), or null when unknown.</summary>
    public static string? MicOfReutersSuffix(string suffix) => SuffixToMic.GetValueOrDefault(suffix);

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
