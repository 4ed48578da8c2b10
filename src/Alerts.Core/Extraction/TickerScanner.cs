using System.Text.RegularExpressions;

namespace Alerts.Core.Extraction;

/// <summary>
/// Finds stock symbols in one text: the explicit forms first (Reuters codes, "NYSE: IBM", "$AAPL", "&lt;INTC&gt;",
/// "(AAPL)", "AF FP"), then bare upper-case symbols where the sentence marks them as such ("shares of XYZ rose").
/// </summary>
internal sealed partial class TickerScanner
{
    // Acronyms that look like symbols in brackets or running text but name other things.
    private static readonly HashSet<string> NotTickers = new(StringComparer.Ordinal)
    {
        "CEO", "CFO", "COO", "CTO", "CIO", "CMO", "CHRO", "VP", "EVP", "SVP", "MD", "USA", "US", "UK", "EU", "UN", "UAE", "GDP", "IPO", "ETF", "ETFS",
        "EPS", "ROC", "ROE", "ROI", "TTC", "HT", "TVA", "VAT", "GMT", "UTC", "CET", "EST", "PST", "EDT", "BST", "AM", "PM", "Q1", "Q2", "Q3",
        "Q4", "H1", "H2", "FY", "YOY", "QOQ", "MOM", "YTD", "KOSPI", "KOSDAQ", "NIKKEI", "FTSE", "DAX", "CAC", "SMI", "IBEX", "DJIA", "NYSE",
        "NASDAQ", "AMEX", "LSE", "TSX", "ASX", "HKEX", "SEC", "FDA", "FTC", "DOJ", "ECB", "BOE", "BOJ", "FED", "IMF", "OPEC", "OECD", "WTO",
        "NATO", "AI", "IT", "PC", "PCS", "TV", "EV", "EVS", "ESG", "CO2", "LNG", "LPG", "OPA", "OPE", "OPAS", "AMF", "CNMV", "BAFIN", "SA",
        "AG", "SE", "NV", "PLC", "LLC", "LTD", "INC", "CORP", "GMBH", "SPA", "SAS", "BV", "AB", "ASA", "OYJ", "KK", "OK", "II", "III", "IV",
        "VI", "VII", "VIII", "IX", "XI", "XII", "MBA", "PHD", "NB", "PS", "RE", "FAQ", "PDF", "HTML", "URL", "API", "CDI", "CDD", "SMIC",
        "RMB", "HKD", "USD", "EUR", "GBP", "JPY", "CHF", "CNY", "CAD", "AUD", "INR", "KRW", "SEK", "NOK", "DKK", "MXN", "BRL", "ZAR",
        "NZD", "SGD", "TWD", "WTI", "OTC", "REIT", "M&A", "LBO", "PE", "VC", "CEE", "EMEA", "APAC", "LATAM", "NEWS", "UPDATE", "BRIEF",
        "AFP", "AOF", "DPA", "EFE", "EFECOM", "AP", "RTRS", "BBC", "CNBC", "CNN", "WSJ", "FT", "NYT", "DJ", "MW", "GW", "KW", "KWH",
        "MWH", "GWH", "BPD", "MBPD", "TCF", "BCF", "ATM", "ID", "NO", "TOP", "NEW", "THE", "AND", "FOR", "WITH", "FROM", "INTO", "OF",
        "TO", "IN", "ON", "AT", "BY", "AN", "OR", "AS", "IS", "BE", "ET", "LE", "LA", "LES", "DES", "DU", "DE", "EL", "LOS", "DER",
        "DIE", "DAS", "UND", "VS", "CA", "PTS", "PCT", "BN", "MN", "MLN", "MRD", "MIO", "MDS", "MDD", "ME", "YEN", "CFA", "HQ", "RSS",
        "S&P", "DOW", "MSCI", "STOXX", "HSI", "CSI", "SSE", "SZSE", "TOPIX", "ICBC", "ADR", "ADRS", "GDR", "NAV", "EBIT", "EBITDA",
        "CAPEX", "OPEX", "FCF", "ARR", "IRR", "NPV", "CAGR", "KPI", "AUM", "NII", "LTV", "APR", "IFRS", "GAAP", "SPAC", "ESOP", "CSR",
    };

    // Symbols so distinctive that they name the stock wherever they stand (none is also a word or a company's own name).
    private static readonly HashSet<string> WellKnown = new(StringComparer.Ordinal)
    {
        "AAPL", "MSFT", "GOOGL", "GOOG", "AMZN", "NVDA", "TSLA", "NFLX", "CSCO", "ORCL", "ADBE", "AVGO", "QCOM", "PYPL", "SBUX",
        "NKE", "WMT", "XOM", "CVX", "JPM", "WFC", "JNJ", "PFE", "MRK", "ABBV", "UNH", "CMCSA", "BABA", "BIDU", "TSM", "INTC", "PLTR",
        "SMCI", "MSTR", "AMGN", "GILD", "BKNG", "ABNB", "INTU", "TXN", "LRCX", "AMAT", "KLAC", "MRNA", "BMY", "TMUS",
    };

    private static readonly HashSet<string> HtmlTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "A", "B", "I", "P", "U", "S", "Q", "BR", "HR", "EM", "TD", "TR", "TH", "LI", "UL", "OL", "DL", "DT", "DD", "DIV", "SPAN", "TABLE",
        "TBODY", "BODY", "HTML", "HEAD", "TITLE", "STRONG", "FONT", "CENTER", "PRE", "CODE", "IMG", "SUP", "SUB", "SMALL", "BIG", "META",
        "LINK", "NAV", "MAIN", "FORM", "INPUT",
    };

    private static readonly HashSet<string> Cities = new(StringComparer.OrdinalIgnoreCase) { "Paris", "London", "Tokyo", "Frankfurt" };

    // Names written before a colon and a symbol ("NYSE: IBM", "Euronext Paris: AIR", "Paris:CA").
    private static readonly HashSet<string> ExchangeNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "NYSE American", "NYSE Arca", "NYSE MKT", "NYSE", "Nasdaq", "NasdaqGS", "NasdaqGM", "NasdaqCM", "AMEX", "OTCQX", "OTCQB",
        "OTC Markets", "OTCMKTS", "OTC", "LSE", "LON", "AIM", "TSXV", "TSX-V", "TSX", "CSE", "ASX", "NZX", "SGX", "HKEX", "HKSE", "HKG",
        "SEHK", "TYO", "TSE", "JPX", "KRX", "KOSDAQ", "BSE", "NSE", "SIX", "SWX", "EPA", "Euronext Paris", "Euronext Amsterdam",
        "Euronext Brussels", "Euronext Lisbon", "Euronext Dublin", "Euronext", "ETR", "XETRA", "FRA", "FWB", "BIT", "BME", "STO", "CPH",
        "HEL", "OSL", "WSE", "BVMF", "BMV", "JSE", "SSE", "SZSE", "TWSE", "Paris", "London", "Tokyo", "Frankfurt",
    };

    private static readonly HashSet<string> StrongBloomberg = new(StringComparer.Ordinal)
    {
        "FP", "LN", "GY", "GR", "JT", "JP", "NA", "IM", "SM", "SW", "VX", "BB", "DC", "FH", "SS", "ST", "UN", "UW", "UQ",
    };

    private static readonly HashSet<string> NameSkipWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "of", "and", "the", "de", "la", "del", "des", "du", "et", "y", "und", "der", "die", "das", "&", "por", "for", "el", "le", "les",
        "los", "las", "corp", "corporation", "inc", "ltd", "limited", "co", "cos", "company", "plc", "ag", "sa", "nv", "llc", "se",
    };

    private static readonly HashSet<string> CorporateSuffixes = new(StringComparer.Ordinal)
    {
        "Inc.", "Inc", "Corp.", "Corp", "Co.", "Ltd", "Ltd.", "Plc", "plc", "PLC", "Group", "Holdings", "AG", "SE", "SA", "NV", "N.V.", "S.A.",
        "Platforms", "Technologies", "Motors",
    };

    private static readonly HashSet<string> MarketVerbs = new(StringComparer.Ordinal)
    {
        "shares", "stock", "stocks", "rose", "rises", "rise", "fell", "falls", "fall", "gained", "gains", "gain", "jumped", "jumps", "jump",
        "soared", "soars", "soar", "surged", "surges", "climbed", "climbs", "dropped", "drops", "slipped", "slips", "slid", "slides",
        "tumbled", "tumbles", "plunged", "plunges", "sank", "sinks", "rallied", "rallies", "pops", "popped", "advanced", "advances",
        "declined", "declines", "closed", "traded", "trades", "edged", "spiked", "dipped", "dips", "sagged", "slumped", "slumps",
        "rebounded", "outperformed", "underperformed", "up", "down", "stock's",
    };

    private readonly string text;
    private readonly List<Found> found = [];
    private bool parenOverride;

    private TickerScanner(string text) => this.text = text;

    /// <summary>The tickers of <paramref name="text"/> in order of appearance, one per mention.</summary>
    public static List<TickerMention> Scan(string text)
    {
        var scanner = new TickerScanner(text);
        return scanner.Run();
    }

    private List<TickerMention> Run()
    {
        foreach (Match m in AngleCode().Matches(text))
        {
            var sym = m.Groups["sym"];
            if (ValidAngle(sym.ValueSpan))
            {
                Add(sym.Index, sym.Length, sym.Value, sym.Value, 0);
            }
        }

        FindExchangePrefixed();

        foreach (Match m in ReutersCode().Matches(text))
        {
            var code = m.Groups["code"];
            var end = m.Index + m.Length;
            if (code.Length == 1 && m.Groups["sfx"].Length == 1 && end < text.Length && text[end] == '.')
            {
                continue; // "U.S.", "H.K.", "S.A."
            }

            if (code.Length < 3 && !code.ValueSpan.ContainsAnyExceptInRange('0', '9'))
            {
                continue; // "rose 10.T..." is a typo, not Tokyo
            }

            Add(m.Index, m.Length, m.Value, m.Value, 2);
        }

        foreach (Match m in Cashtag().Matches(text))
        {
            var code = m.Groups["code"].Value;
            if (code is "US" or "USD" or "CA" or "CAN" or "CAD" or "AU" or "AUD" or "HK" or "HKD" or "NZ" or "NZD" or "SG" or "SGD" or "MX"
                or "MXN" or "NT" or "AR" or "BR" or "CL" or "M" or "MM" or "B" or "BN" or "K" or "MN" or "MLN")
            {
                continue;
            }

            Add(m.Index, m.Length, m.Value, code, 3);
        }

        foreach (Match m in Bloomberg().Matches(text))
        {
            if (ValidBloomberg(m))
            {
                var symbol = m.Groups["code"].Value + " " + m.Groups["ex"].Value;
                Add(m.Index, m.Groups["ex"].Index + m.Groups["ex"].Length - m.Index, symbol, symbol, 4);
            }
        }

        var parens = new List<Match>();
        foreach (Match m in Parenthesized().Matches(text))
        {
            parens.Add(m);
        }

        // A story that already writes symbols in brackets (or follows TheStreet's "(GE) - Get Report") lets initials count too.
        foreach (var m in parens)
        {
            if (ValidParen(m, allowInitials: false))
            {
                parenOverride = true;
            }
        }

        foreach (var m in parens)
        {
            if (ValidParen(m, allowInitials: parenOverride || FollowedByGetReport(m)))
            {
                var code = m.Groups["code"];
                Add(code.Index, code.Length, code.Value, code.Value, 5);
            }
        }

        // A bare code is not a symbol just because the story also lists it ("GSK plc (NYSE: GSK)", "<GE> ... GE"):
        // companies are often named by their ticker, so only the sentence around a bare code decides.
        found.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Priority.CompareTo(b.Priority));
        var kept = new List<Found>(found.Count);
        var lastEnd = -1;
        foreach (var f in found)
        {
            if (f.Start >= lastEnd)
            {
                kept.Add(f);
                lastEnd = f.Start + f.Length;
            }
        }

        AddBare(kept);

        var result = new List<TickerMention>(kept.Count);
        foreach (var f in kept)
        {
            var key = TickerNormalizer.TryNormalize(f.Text);
            result.Add(new TickerMention(f.Symbol, key?.Code ?? f.Symbol.ToUpperInvariant(), key?.Exchange, new TextEvidence(f.Start, f.Length, f.Text)));
        }

        return result;
    }

    // Anchored on each colon: the symbol after it, then the exchange name (one or two words) before it.
    private void FindExchangePrefixed()
    {
        var n = text.Length;
        var names = ExchangeNames.GetAlternateLookup<ReadOnlySpan<char>>();
        var i = 0;
        while (i < n)
        {
            var rel = text.AsSpan(i).IndexOf(':');
            if (rel < 0)
            {
                break;
            }

            var colon = i + rel;
            i = colon + 1;
            var codeStart = colon + 1 < n && text[colon + 1] == ' ' ? colon + 2 : colon + 1;
            var codeEnd = codeStart;
            while (codeEnd < n && codeEnd - codeStart < 10 && IsUpperOrDigit(text[codeEnd]))
            {
                codeEnd++;
            }

            if (codeEnd == codeStart)
            {
                continue;
            }

            if (codeEnd + 1 < n && text[codeEnd] is '.' or '-' && IsUpperOrDigit(text[codeEnd + 1]))
            {
                var e = codeEnd + 1;
                while (e < n && e - codeEnd - 1 < 4 && IsUpperOrDigit(text[e]))
                {
                    e++;
                }

                codeEnd = e;
            }

            if (codeEnd < n && (char.IsLetterOrDigit(text[codeEnd]) || text[codeEnd] == '_'))
            {
                continue;
            }

            var nameEnd = colon > 0 && text[colon - 1] == ' ' ? colon - 1 : colon;
            var nameStart = WordStartBefore(nameEnd);
            if (nameStart == nameEnd)
            {
                continue;
            }

            var twoStart = nameStart > 1 && text[nameStart - 1] == ' ' ? WordStartBefore(nameStart - 1) : nameStart;
            if (twoStart < nameStart - 1 && IsBoundaryBefore(twoStart) && names.Contains(text.AsSpan(twoStart, nameEnd - twoStart)))
            {
                nameStart = twoStart;
            }
            else if (!IsBoundaryBefore(nameStart) || !names.Contains(text.AsSpan(nameStart, nameEnd - nameStart)))
            {
                continue;
            }

            if (Cities.Contains(text[nameStart..nameEnd]) && codeStart != colon + 1)
            {
                continue; // "Paris:CA" is a listing, "Paris: A" is prose.
            }

            Add(nameStart, codeEnd - nameStart, text[nameStart..codeEnd], text[codeStart..codeEnd], 1);
        }
    }

    private static bool IsUpperOrDigit(char c) => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c);

    private int WordStartBefore(int end)
    {
        var p = end;
        while (p > 0 && end - p < 20 && (char.IsLetter(text[p - 1]) || text[p - 1] == '-'))
        {
            p--;
        }

        return p;
    }

    private bool IsBoundaryBefore(int start) => start == 0 || !(char.IsLetterOrDigit(text[start - 1]) || text[start - 1] == '$');

    private void Add(int start, int length, string written, string symbol, int priority) =>
        found.Add(new Found(start, length, written, symbol, priority));

    private static bool ValidAngle(ReadOnlySpan<char> sym)
    {
        if (sym.Contains(' '))
        {
            return true; // "<PHAB ST>": the pattern only lets a two-capital exchange code follow the space.
        }

        var dot = sym.LastIndexOf('.');
        var code = dot > 0 ? sym[..dot] : sym;
        var underscore = code.IndexOf('_');
        if (underscore >= 0)
        {
            code = code[..underscore];
        }
        else if (dot > 0 && code.Length > 2 && char.IsAsciiLetterLower(code[^1]))
        {
            code = code[..^1]; // "BRKa.N"
        }

        foreach (var c in code)
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c) && c != '&')
            {
                return false;
            }
        }

        if (dot > 0)
        {
            return TickerNormalizer.MicOfReutersSuffix(sym[(dot + 1)..].ToString()) is not null || sym[(dot + 1)..].Length <= 2;
        }

        var allDigits = !code.ContainsAnyExceptInRange('0', '9');
        return allDigits ? code.Length is >= 4 and <= 6 : !HtmlTags.GetAlternateLookup<ReadOnlySpan<char>>().Contains(code);
    }

    private bool ValidBloomberg(Match m)
    {
        var code = m.Groups["code"].Value;
        var ex = m.Groups["ex"].Value;
        if (NotTickers.Contains(code) || code == ex)
        {
            return false;
        }

        var start = m.Index;
        var end = m.Groups["ex"].Index + m.Groups["ex"].Length;
        var bracketed = start > 0 && text[start - 1] is '(' or '<' or '[' && end < text.Length && text[end] is ')' or '>' or ']';
        if (bracketed || m.Groups["equity"].Success)
        {
            return true;
        }

        return StrongBloomberg.Contains(ex) && code.Length >= 2 && !NeighbourIsCapitalWord(start, end);
    }

    private bool ValidParen(Match m, bool allowInitials)
    {
        var code = m.Groups["code"].Value;
        if (NotTickers.Contains(code))
        {
            return false;
        }

        if (m.Groups["name"].Success)
        {
            return true; // "(Alphabet GOOG)"
        }

        var words = PrecedingWords(m.Index, 8);
        if (words.Count == 0 || !char.IsUpper(words[0][0]))
        {
            return false; // "discount certificates (CTS)", "Madrid, 12 may (EFECOM)"
        }

        return allowInitials || !IsInitials(code, words);
    }

    // "Xiamen International Bank (XIB)": the bracket abbreviates the words before it.
    private static bool IsInitials(string code, List<string> wordsNearestFirst)
    {
        Span<char> initials = stackalloc char[8];
        var count = 0;
        foreach (var w in wordsNearestFirst)
        {
            if (NameSkipWords.Contains(w) || (w.Contains('.', StringComparison.Ordinal) && !w.Any(char.IsLower)))
            {
                continue; // joining words, corporate suffixes, Reuters codes written in between
            }

            if (count == initials.Length)
            {
                break;
            }

            initials[count++] = char.ToUpperInvariant(w[0]);
            if (count == code.Length)
            {
                break;
            }
        }

        if (count != code.Length)
        {
            return false;
        }

        for (var k = 0; k < count; k++)
        {
            if (code[code.Length - 1 - k] != initials[k])
            {
                return false;
            }
        }

        return true;
    }

    private List<string> PrecedingWords(int position, int max)
    {
        var words = new List<string>(max);
        var p = position;
        while (words.Count < max && p > 0)
        {
            while (p > 0 && (char.IsWhiteSpace(text[p - 1]) || text[p - 1] is '>' or '<' or ',' or '"' or '(' or ')'))
            {
                if (text[p - 1] is ',' or '(' or ')' or '"' && words.Count > 0)
                {
                    return words;
                }

                p--;
            }

            var end = p;
            while (p > 0 && !char.IsWhiteSpace(text[p - 1]) && text[p - 1] is not ('<' or '>' or '(' or ')' or ',' or '"'))
            {
                p--;
            }

            if (end == p)
            {
                break;
            }

            var word = text[p..end];
            if (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal))
            {
                word = word[..^2];
            }

            word = word.TrimEnd('.', ':', ';');
            if (word.Length > 0 && !char.IsDigit(word[0]))
            {
                words.Add(word);
            }
            else if (words.Count == 0)
            {
                return words;
            }
        }

        return words;
    }

    private bool FollowedByGetReport(Match m)
    {
        var end = m.Index + m.Length;
        return text.AsSpan(end, Math.Min(16, text.Length - end)).TrimStart().StartsWith("- Get Report", StringComparison.OrdinalIgnoreCase);
    }

    // Bare capitals count where the sentence marks them as a listing; "IBM PC" or a shouted headline does not.
    private void AddBare(List<Found> kept)
    {
        var bare = new List<Found>();
        var k = 0;
        Found? previousTicker = null;
        foreach (var m in BareSymbol().EnumerateMatches(text))
        {
            while (k < kept.Count && kept[k].Start + kept[k].Length <= m.Index)
            {
                if (previousTicker is null || kept[k].Start > previousTicker.Start)
                {
                    previousTicker = kept[k];
                }

                k++;
            }

            if (k < kept.Count && kept[k].Start < m.Index + m.Length)
            {
                continue; // inside an explicit ticker
            }

            var code = text.Substring(m.Index, m.Length);
            if (NotTickers.Contains(code))
            {
                continue;
            }

            var known = WellKnown.Contains(code);
            if (!known && NeighbourIsCapitalWord(m.Index, m.Index + m.Length))
            {
                continue;
            }

            if (known || MarkedAsSymbol(m.Index, m.Index + m.Length)
                || ContinuesList(m.Index, previousTicker))
            {
                var f = new Found(m.Index, m.Length, code, code, 6);
                bare.Add(f);
                previousTicker = f;
            }
        }

        if (bare.Count > 0)
        {
            kept.AddRange(bare);
            kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        }
    }

    private bool MarkedAsSymbol(int start, int end)
    {
        var before = PreviousWord(start, out var beforeStart);
        if (before is "stock" or "ticker" or "symbol" or "Stock")
        {
            return true;
        }

        var after = NextWord(end, out var punctuationFirst);
        if (!punctuationFirst && after is not null && MarketVerbs.Contains(after))
        {
            return true;
        }

        // "Microsoft Corp. MSFT, ...", "Bank of America Corp. BAC remain ...".
        if (before is not null && CorporateSuffixes.Contains(before)
            && (end == text.Length || text[end] is ',' or ';' or ')' || (!punctuationFirst && after is not null && char.IsLower(after[0]))))
        {
            return true;
        }

        // "Shares of Apple AAPL", "shares of XYZ rose".
        var p = beforeStart;
        for (var hop = 0; hop < 4 && before is not null; hop++)
        {
            if (before.Equals("of", StringComparison.Ordinal))
            {
                var shares = PreviousWord(p, out _);
                return shares is "shares" or "Shares" or "stock" or "Stock";
            }

            if (!char.IsUpper(before[0]))
            {
                return false;
            }

            before = PreviousWord(p, out p);
        }

        return false;
    }

    private bool ContinuesList(int start, Found? previous)
    {
        if (previous is null || previous.Priority is 0 or 2)
        {
            return false; // "<BBLB.B>, BBL," names the bank after its Reuters code
        }

        var gap = text.AsSpan(previous.Start + previous.Length, start - previous.Start - previous.Length);
        return gap is ", " or " and " or " & " or "; " or " y " or " et " or " und ";
    }

    private string? PreviousWord(int position, out int wordStart)
    {
        var p = position;
        while (p > 0 && text[p - 1] == ' ')
        {
            p--;
        }

        var end = p;
        while (p > 0 && (char.IsLetter(text[p - 1]) || text[p - 1] is '.' or '\'' or '’'))
        {
            p--;
        }

        wordStart = p;
        if (end == p || end == position)
        {
            return null;
        }

        var word = text[p..end];
        return word.EndsWith("’s", StringComparison.Ordinal) || word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word;
    }

    private string? NextWord(int position, out bool punctuationFirst)
    {
        var p = position;
        punctuationFirst = p < text.Length && text[p] != ' ';
        while (p < text.Length && text[p] == ' ')
        {
            p++;
        }

        var start = p;
        while (p < text.Length && (char.IsLetter(text[p]) || text[p] is '\'' or '’'))
        {
            p++;
        }

        return p > start ? text[start..p] : null;
    }

    // True when a space-separated neighbour is also an all-capitals word: a shouted headline or "IBM PC".
    private bool NeighbourIsCapitalWord(int start, int end)
    {
        if (start > 1 && text[start - 1] == ' ' && IsCapitalWordEndingAt(start - 1))
        {
            return true;
        }

        return end + 1 < text.Length && text[end] == ' ' && IsCapitalWordStartingAt(end + 1);
    }

    // Whole words only: "KLM" of "Air France-KLM" is not a shouted neighbour.
    private bool IsCapitalWordEndingAt(int end)
    {
        var p = end;
        while (p > 0 && char.IsLetter(text[p - 1]))
        {
            p--;
        }

        return end - p >= 2 && (p == 0 || char.IsWhiteSpace(text[p - 1])) && !text.AsSpan(p, end - p).ContainsAnyExcept(UpperLetters);
    }

    private bool IsCapitalWordStartingAt(int start)
    {
        var p = start;
        while (p < text.Length && char.IsLetter(text[p]))
        {
            p++;
        }

        return p - start >= 2 && (p == text.Length || !(char.IsLetterOrDigit(text[p]) || text[p] is '-' or '\'' or '’'))
            && !text.AsSpan(start, p - start).ContainsAnyExcept(UpperLetters);
    }

    private static readonly System.Buffers.SearchValues<char> UpperLetters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZÀÂÄÇÉÈÊËÎÏÔÖÙÛÜÑÁÍÓÚ");

    [GeneratedRegex(@"<(?<sym>[A-Z0-9][A-Za-z0-9_.&]{0,11}(?: [A-Z]{2})?)>", RegexOptions.CultureInvariant)]
    private static partial Regex AngleCode();

    [GeneratedRegex(@"(?<![\w.$@/\\-])(?<code>[A-Z0-9][A-Z0-9&]{1,5}(?:_?[a-z])?|[A-Z])\.(?<sfx>OQ|PA|DE|HK|AS|BR|MI|MC|SW|VX|TO|AX|SS|SZ|KS|KQ|TW|SI|BO|NS|ST|CO|OL|HE|LS|SA|MX|JO|NZ|VI|IS|WA|T|O|N|K|A|L|F|B|S|V|I)(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex ReutersCode();

    [GeneratedRegex(@"(?<![\w$])\$(?<code>[A-Z]{1,6}(?:\.[A-Z]{1,2})?)(?![\w$])", RegexOptions.CultureInvariant)]
    private static partial Regex Cashtag();

    [GeneratedRegex(@"(?<![\w$.])(?<code>[A-Z][A-Z0-9]{0,5}|[0-9]{3,6}) (?<ex>FP|LN|GY|GR|JT|JP|HK|ST|SS|IM|SM|NA|BB|SW|VX|CN|AU|KS|US|UN|UW|UQ|DC|FH|NO)(?<equity> Equity)?(?![\w])", RegexOptions.CultureInvariant)]
    private static partial Regex Bloomberg();

    [GeneratedRegex(@"\((?:(?<name>[A-Z][\p{L}\p{N}&.'’-]*) )?(?<code>[A-Z]{2,5}(?:\.[A-Z])?)\)", RegexOptions.CultureInvariant)]
    private static partial Regex Parenthesized();

    [GeneratedRegex(@"(?<![\p{L}\p{N}$.@#/&_'’-])[A-Z]{2,5}(?![\p{L}\p{N}&'’_-]|\.[A-Za-z])", RegexOptions.CultureInvariant)]
    private static partial Regex BareSymbol();

    private sealed record Found(int Start, int Length, string Text, string Symbol, int Priority);
}
