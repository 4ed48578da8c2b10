using System.Globalization;
using System.Text.RegularExpressions;

namespace Alerts.Core.Extraction;

/// <summary>
/// Finds money amounts in one text: numbers (digits or small spelled-out numbers) with a scale and a currency
/// around them, then the elliptical ones that borrow a neighbour's currency (ranges, "from 4.2 billion").
/// </summary>
/// <remarks>
/// A hand-written scanner rather than one large regex: the number formats (1.234,56 / 1,234.56 / 1 234 / 1,00,000)
/// depend on the language and on the other numbers of the same text, and each step here is linear, so no input can
/// make it backtrack. Instances live for one text only.
/// </remarks>
internal sealed partial class AmountScanner
{
    private const int MaxNumberLength = 48;

    private static readonly HashSet<string> CountNouns = new(StringComparer.OrdinalIgnoreCase)
    {
        "shares", "share", "stock", "stocks", "units", "unit", "people", "persons", "users", "customers", "clients", "subscribers",
        "tonnes", "tonne", "tons", "ton", "barrels", "barrel", "bpd", "ounces", "oz", "cubic", "square", "hectares", "acres", "km",
        "kilometres", "kilometers", "miles", "vehicles", "cars", "passengers", "visitors", "viewers", "jobs", "employees", "workers",
        "members", "households", "accounts", "votes", "years", "months", "days", "hours", "doses", "copies", "devices", "phones",
        "smartphones", "iphones", "items", "homes", "houses", "apartments", "lbs", "kg", "mw", "gw", "mwh", "gwh", "kwh", "bushels",
        "contracts", "warrants", "downloads", "views", "followers", "streams", "patients", "students", "children", "residents",
        "inhabitants", "voters", "times", "pixels", "words", "cases", "deaths", "infections", "tickets", "seats", "aircraft", "planes",
        "actions", "titres", "utilisateurs", "abonnés", "habitants", "personnes", "emplois", "salariés", "barils", "ans", "années",
        "mois", "jours", "voitures", "véhicules", "exemplaires", "visiteurs", "passagers", "téléspectateurs", "foyers", "ménages",
        "électeurs", "aktien", "nutzer", "kunden", "menschen", "einwohner", "tonnen", "fass", "jahre", "jahren", "stück", "mitarbeiter",
        "beschäftigte", "arbeitsplätze", "fahrzeuge", "autos", "passagiere", "besucher", "haushalte", "dosen", "acciones", "títulos",
        "usuarios", "clientes", "personas", "toneladas", "barriles", "años", "empleos", "empleados", "trabajadores",
        "vehículos", "pasajeros", "visitantes", "hogares", "dosis", "votos", "ordinary", "common", "preferred",
    };

    private static readonly HashSet<string> OfWords = new(StringComparer.OrdinalIgnoreCase) { "of", "de", "d", "des", "del", "von", "der", "di", "du" };

    private static readonly string[] RangeWords = ["to", "à", "a", "bis", "au", "-", "–", "—", "à/"];
    private static readonly string[] BetweenRangeWords = ["and", "et", "und", "y"];
    private static readonly string[] BetweenWords = ["between", "entre", "zwischen", "between the"];
    private static readonly string[] ComparativeWords = ["de moins", "de plus", "más", "menos", "more than", "less than", "mehr als", "weniger als"];
    private static readonly string[] CentCurrencies = ["USD", "CAD", "AUD", "HKD", "NZD", "SGD", "TWD", "EUR", "MXN", "ARS", "CLP", "COP", "BRL", "ZAR"];
    private static readonly string[] OtherDollarCodes = ["CAD", "AUD", "HKD", "NZD", "SGD", "TWD"];

    // Names of non-US dollars that make a story's bare "dlrs" theirs (FORMAT: "in a story that names Hong Kong or Canadian dollars").
    private static readonly (string Phrase, string Code)[] OtherDollarNames =
    [
        ("Hong Kong dollar", "HKD"), ("Hong Kong dlr", "HKD"), ("HK dollar", "HKD"), ("H.K. dlr", "HKD"), ("H.K. dollar", "HKD"), ("HK$", "HKD"),
        ("dollars de Hong Kong", "HKD"), ("Hongkong-Dollar", "HKD"), ("Canadian dollar", "CAD"), ("Canadian dlr", "CAD"), ("C$", "CAD"),
        ("dollars canadiens", "CAD"), ("dollar canadien", "CAD"), ("dólares canadienses", "CAD"), ("kanadische Dollar", "CAD"),
        ("Australian dollar", "AUD"), ("Australian dlr", "AUD"), ("A$", "AUD"), ("dollars australiens", "AUD"), ("dólares australianos", "AUD"),
        ("New Zealand dollar", "NZD"), ("New Zealand dlr", "NZD"), ("NZ$", "NZD"), ("Singapore dollar", "SGD"), ("S$", "SGD"),
        ("Taiwan dollar", "TWD"), ("NT$", "TWD"),
    ];

    private static readonly (string Phrase, AmountQualifier Qualifier)[] Qualifiers =
    [
        ("about", AmountQualifier.Approximate), ("around", AmountQualifier.Approximate), ("approximately", AmountQualifier.Approximate),
        ("approx.", AmountQualifier.Approximate), ("roughly", AmountQualifier.Approximate), ("some", AmountQualifier.Approximate),
        ("nearly", AmountQualifier.Approximate), ("almost", AmountQualifier.Approximate), ("an estimated", AmountQualifier.Approximate),
        ("environ", AmountQualifier.Approximate), ("près de", AmountQualifier.Approximate), ("près d'", AmountQualifier.Approximate),
        ("près d’", AmountQualifier.Approximate), ("quelque", AmountQualifier.Approximate), ("autour de", AmountQualifier.Approximate),
        ("approximativement", AmountQualifier.Approximate), ("rund", AmountQualifier.Approximate), ("etwa", AmountQualifier.Approximate),
        ("ca.", AmountQualifier.Approximate), ("circa", AmountQualifier.Approximate), ("zirka", AmountQualifier.Approximate),
        ("knapp", AmountQualifier.Approximate), ("ungefähr", AmountQualifier.Approximate), ("unos", AmountQualifier.Approximate),
        ("unas", AmountQualifier.Approximate), ("alrededor de", AmountQualifier.Approximate), ("cerca de", AmountQualifier.Approximate),
        ("aproximadamente", AmountQualifier.Approximate), ("casi", AmountQualifier.Approximate), ("cercano a los", AmountQualifier.Approximate),
        ("up to", AmountQualifier.UpperBound), ("as much as", AmountQualifier.UpperBound), ("no more than", AmountQualifier.UpperBound),
        ("at most", AmountQualifier.UpperBound), ("less than", AmountQualifier.UpperBound), ("under", AmountQualifier.UpperBound),
        ("jusqu'à", AmountQualifier.UpperBound), ("jusqu’à", AmountQualifier.UpperBound), ("au plus", AmountQualifier.UpperBound),
        ("au maximum", AmountQualifier.UpperBound), ("moins de", AmountQualifier.UpperBound), ("bis zu", AmountQualifier.UpperBound),
        ("höchstens", AmountQualifier.UpperBound), ("maximal", AmountQualifier.UpperBound), ("weniger als", AmountQualifier.UpperBound),
        ("hasta", AmountQualifier.UpperBound), ("como máximo", AmountQualifier.UpperBound), ("menos de", AmountQualifier.UpperBound),
        ("more than", AmountQualifier.LowerBound), ("over", AmountQualifier.LowerBound), ("at least", AmountQualifier.LowerBound),
        ("in excess of", AmountQualifier.LowerBound), ("upwards of", AmountQualifier.LowerBound), ("plus de", AmountQualifier.LowerBound),
        ("plus d'", AmountQualifier.LowerBound), ("au moins", AmountQualifier.LowerBound), ("über", AmountQualifier.LowerBound),
        ("mehr als", AmountQualifier.LowerBound), ("mindestens", AmountQualifier.LowerBound), ("más de", AmountQualifier.LowerBound),
        ("al menos", AmountQualifier.LowerBound), ("por lo menos", AmountQualifier.LowerBound),
    ];

    // Qualifier phrases indexed by their last word, so that most amounts cost one lookup.
    private static readonly Dictionary<string, (string Phrase, AmountQualifier Qualifier)[]> QualifierLastWords = Qualifiers
        .GroupBy(q => q.Phrase[(q.Phrase.LastIndexOf(' ') + 1)..], StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);

    private readonly string text;
    private readonly string language;
    private int current = -1;
    private HashSet<int>? swallowed;
    private readonly List<Candidate> candidates = [];
    private int dotDecimalEvidence;
    private int commaDecimalEvidence;
    private bool? mexican;
    private string? otherDollar;
    private bool otherDollarKnown;
    private Dictionary<CurrencyFamily, string>? familyCodes;

    private AmountScanner(string text, string language)
    {
        this.text = text;
        this.language = language;
    }

    /// <summary>The amounts of <paramref name="text"/> in order of appearance.</summary>
    public static List<MoneyAmount> Scan(string text, string language)
    {
        var scanner = new AmountScanner(text, language);
        return scanner.Run();
    }

    private List<MoneyAmount> Run()
    {
        FindNumbers();
        FindSpelledNumbers();
        if (candidates.Count == 0)
        {
            return [];
        }

        candidates.Sort((a, b) => a.NumberStart.CompareTo(b.NumberStart));
        for (current = 0; current < candidates.Count; current++)
        {
            var c = candidates[current];
            if (c.Dropped || (swallowed is not null && !c.Spelled && swallowed.Contains(c.NumberStart)))
            {
                c.Dropped = true;
                continue;
            }

            if (!c.Spelled && !Interpret(c))
            {
                c.Dropped = true;
                continue;
            }

            ReadPrefix(c);
            ReadSuffix(c);
            if (c.Spelled && c.Currency is null && !c.HasScale)
            {
                c.Dropped = true;
            }
        }

        LinkRanges();
        ResolveExplicit();
        ResolveElliptical();

        var result = new List<MoneyAmount>();
        foreach (var c in candidates)
        {
            if (c.Dropped || c.Code is null)
            {
                continue;
            }

            var scaled = c.Number;
            var factor = c.Scale * c.Unit;
            if (factor != 1m)
            {
                if (scaled != 0 && factor > decimal.MaxValue / Math.Abs(scaled))
                {
                    continue;
                }

                scaled *= factor;
            }

            if (c.Negative)
            {
                scaled = -scaled;
            }

            var evidence = new TextEvidence(c.Start, c.End - c.Start, text[c.Start..c.End]);
            result.Add(new MoneyAmount(Normalize(scaled), c.Code, QualifierBefore(c.Start), evidence));
        }

        return result;
    }

    // Phase 1: the extent of every digit run that can be a number, and what its separators say about the text's convention.
    private void FindNumbers()
    {
        var n = text.Length;
        var i = 0;
        while (i < n)
        {
            var rel = text.AsSpan(i).IndexOfAnyInRange('0', '9');
            if (rel < 0)
            {
                break;
            }

            var s = i + rel;
            if (s > 0 && (char.IsLetter(text[s - 1]) || text[s - 1] == '_') && !GluedCurrencyBefore(s))
            {
                i = SkipWordChars(s);
                continue;
            }

            var end = ReadNumberExtent(s, out var dots, out var commas, out var lastGroup, out var lastSep);
            if (end - s <= MaxNumberLength)
            {
                if (dots + commas == 1 && lastGroup != 3)
                {
                    if (lastSep == '.')
                    {
                        dotDecimalEvidence++;
                    }
                    else
                    {
                        commaDecimalEvidence++;
                    }
                }

                if (PlausibleNumber(text.AsSpan(s, end - s), dots, commas))
                {
                    candidates.Add(new Candidate { NumberStart = s, NumberEnd = end });
                }
            }

            i = end;
        }
    }

    private bool GluedCurrencyBefore(int s)
    {
        var t = s;
        while (t > 0 && s - t < 4 && char.IsAsciiLetter(text[t - 1]))
        {
            t--;
        }

        if (t > 0 && char.IsLetterOrDigit(text[t - 1]))
        {
            return false;
        }

        var token = text.AsSpan(t, s - t);
        return token is "Rs" || (token.Length == 3 && CurrencyLexicon.IsoCodes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(token));
    }

    private int SkipWordChars(int s)
    {
        var e = s;
        while (e < text.Length && (char.IsLetterOrDigit(text[e]) || text[e] == '_'))
        {
            e++;
        }

        return e;
    }

    private int ReadNumberExtent(int s, out int dots, out int commas, out int lastGroup, out char lastSep)
    {
        dots = 0;
        commas = 0;
        lastSep = '\0';
        var n = text.Length;
        var p = s;
        while (p < n && char.IsAsciiDigit(text[p]))
        {
            p++;
        }

        lastGroup = p - s;
        var firstGroup = lastGroup;
        var onlySpaces = true;
        while (p + 1 < n && char.IsAsciiDigit(text[p + 1]))
        {
            var c = text[p];
            if (c is '.' or ',' or '\'' or '’')
            {
                onlySpaces = false;
            }
            else if (IsGroupSpace(c))
            {
                // "6 941 ME", "1 234,56": a space groups digits only after a short first group and before exactly three digits.
                var regular = c == ' ';
                if (!onlySpaces || firstGroup > 3 || (regular && language == "en") || GroupLength(p + 1) != 3)
                {
                    break;
                }
            }
            else
            {
                break;
            }

            p++;
            var g = p;
            while (p < n && char.IsAsciiDigit(text[p]))
            {
                p++;
            }

            lastGroup = p - g;
            if (c == '.')
            {
                dots++;
                lastSep = '.';
            }
            else if (c == ',')
            {
                commas++;
                lastSep = ',';
            }
        }

        return p;
    }

    private int GroupLength(int start)
    {
        var e = start;
        while (e < text.Length && char.IsAsciiDigit(text[e]))
        {
            e++;
        }

        return e - start;
    }

    private static bool IsGroupSpace(char c) => c is ' ' or '\u00A0' or '\u202F' or '\u2009';

    private static bool IsInlineSpace(char c) => c is ' ' or '\u00A0' or '\u202F' or '\u2009' or '\t';

    private static bool IsCurrencySymbol(char c) => c is '$' or '€' or '£' or '¥' or '₹' or '₩' or '₪' or '₽';

    private static bool IsMinus(char c) => c is '-' or '−' or '–';

    // Small spelled-out numbers count only with a scale or currency after them ("one billion crowns", "deux euros").
    private void FindSpelledNumbers()
    {
        var lookup = SpelledValues.GetAlternateLookup<ReadOnlySpan<char>>();
        var n = text.Length;
        var i = 0;
        while (i < n)
        {
            var rel = text.AsSpan(i).IndexOfAny(WordFollowers);
            if (rel < 0)
            {
                break;
            }

            // A spelled number is a 2-8 letter word followed by one space and a letter or digit.
            var space = i + rel;
            i = space + 1;
            if (space + 1 >= n || !char.IsLetterOrDigit(text[space + 1]))
            {
                continue;
            }

            var start = space;
            while (start > 0 && space - start < 9 && char.IsLetter(text[start - 1]))
            {
                start--;
            }

            var length = space - start;
            if (length < 2 || length > 8 || (start > 0 && (char.IsLetterOrDigit(text[start - 1]))))
            {
                continue;
            }

            var word = text.AsSpan(start, length);
            if (!lookup.TryGetValue(word, out var value))
            {
                continue;
            }

            var m = (Index: start, Length: length);
            var c = new Candidate { NumberStart = m.Index, NumberEnd = m.Index + m.Length, Number = value, Spelled = true };
            if (value == 1000m && word.Equals("mil", StringComparison.OrdinalIgnoreCase))
            {
                if (m.Index > 1 && char.IsAsciiDigit(text[m.Index - 2]))
                {
                    continue; // "11 mil 200 millones" is read from the digits
                }

                // Spanish "mil 430 millones" = 1 430 millones.
                var q = m.Index + m.Length;
                if (q + 1 < text.Length && text[q] == ' ' && char.IsAsciiDigit(text[q + 1]) && GroupLength(q + 1) <= 3)
                {
                    var g = GroupLength(q + 1);
                    c.Number = 1000m + int.Parse(text.AsSpan(q + 1, g), CultureInfo.InvariantCulture);
                    c.NumberEnd = q + 1 + g;
                    (swallowed ??= []).Add(q + 1);
                }
                else
                {
                    continue;
                }
            }

            candidates.Add(c);
        }
    }

    // Marks rather than removes: this runs while the candidates are being enumerated.
    private void RemoveCandidateAt(int start) => DropCandidatesWithin(start - 1, start + 1);

    private static readonly Dictionary<string, decimal> SpelledValues = BuildSpelled();

    private static Dictionary<string, decimal> BuildSpelled()
    {
        var d = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        string[] en = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
        string[] fr = ["un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze"];
        string[] de = ["ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"];
        string[] es = ["uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "once", "doce"];
        foreach (var list in new[] { en, fr, de, es })
        {
            for (var k = 0; k < list.Length; k++)
            {
                d.TryAdd(list[k], k + 1);
            }
        }

        foreach (var w in new[] { "une", "eine", "einer", "einem", "einen", "una" })
        {
            d[w] = 1;
        }

        d["twenty"] = 20;
        d["vingt"] = 20;
        d["zwanzig"] = 20;
        d["veinte"] = 20;
        d["hundred"] = 100;
        d["cien"] = 100;
        d["hundert"] = 100;
        d["mil"] = 1000;
        return d;
    }

    // Phase 2: the value of a digit run, once the text's convention for "1.234" and "1,234" is known.
    private bool Interpret(Candidate c)
    {
        var raw = text.AsSpan(c.NumberStart, c.NumberEnd - c.NumberStart);
        if (!TryParseDigits(raw, DecimalPosition(raw), out var value))
        {
            return false;
        }

        // "352-1/2", "11-5/8": a hyphenated fraction.
        var p = c.NumberEnd;
        if (!raw.ContainsAny('.', ',') && p + 3 < text.Length && text[p] == '-' && char.IsAsciiDigit(text[p + 1]))
        {
            var numLen = GroupLength(p + 1);
            var slash = p + 1 + numLen;
            if (numLen <= 2 && slash + 1 < text.Length && text[slash] == '/' && char.IsAsciiDigit(text[slash + 1]))
            {
                var denLen = GroupLength(slash + 1);
                var num = int.Parse(text.AsSpan(p + 1, numLen), CultureInfo.InvariantCulture);
                var den = denLen <= 3 ? int.Parse(text.AsSpan(slash + 1, denLen), CultureInfo.InvariantCulture) : 0;
                if (den > 0 && num < den)
                {
                    value += (decimal)num / den;
                    c.NumberEnd = slash + 1 + denLen;
                    DropCandidatesWithin(p, c.NumberEnd);
                }
            }
        }

        c.Number = value;
        return true;
    }

    // Digit runs swallowed by a longer reading ("1/2" of "352-1/2", "70" of "175, 70") are not numbers of their own.
    // Candidates are sorted by position, so only the ones right after the current one can be inside.
    private void DropCandidatesWithin(int start, int end)
    {
        for (var k = current + 1; k < candidates.Count && candidates[k].NumberStart < end; k++)
        {
            if (candidates[k].NumberStart > start && !candidates[k].Spelled)
            {
                candidates[k].Dropped = true;
            }
        }
    }

    // Where the decimal separator is, or -1: the last of two kinds, a single one not followed by exactly three digits,
    // or, for an ambiguous "1.234" / "1,234", what the language and the text's other numbers say.
    private int DecimalPosition(ReadOnlySpan<char> raw)
    {
        int lastDot = raw.LastIndexOf('.'), lastComma = raw.LastIndexOf(',');
        int dots = raw.Count('.'), commas = raw.Count(',');
        if (dots > 0 && commas > 0)
        {
            return Math.Max(lastDot, lastComma);
        }

        if (dots + commas == 1)
        {
            var at = Math.Max(lastDot, lastComma);
            var after = raw.Length - at - 1;
            if (after != 3 || (raw[0] == '0' && at == 1) || SeparatorIsDecimal(raw[at]))
            {
                return at;
            }
        }

        return -1;
    }

    // Checked before a candidate is even kept: with two or more separators the reading does not depend on the convention.
    private static bool PlausibleNumber(ReadOnlySpan<char> raw, int dots, int commas)
    {
        if (dots + commas < 2)
        {
            return true;
        }

        var decimalAt = dots > 0 && commas > 0 ? Math.Max(raw.LastIndexOf('.'), raw.LastIndexOf(',')) : -1;
        return TryParseDigits(raw, decimalAt, out _);
    }

    // Every thousands group has three digits, or two in Indian grouping (1,00,000) before a final three.
    private static bool TryParseDigits(ReadOnlySpan<char> raw, int decimalAt, out decimal value)
    {
        value = 0;
        if (decimalAt >= 0 && raw.Count(raw[decimalAt]) > 1)
        {
            return false;
        }

        Span<char> digits = stackalloc char[MaxNumberLength + 2];
        var length = 0;
        var group = 0;
        var groups = 0;
        var indian = false;
        for (var k = 0; k < raw.Length; k++)
        {
            var ch = raw[k];
            if (char.IsAsciiDigit(ch))
            {
                digits[length++] = ch;
                group++;
                continue;
            }

            if (k == decimalAt)
            {
                if (groups > 0 && group != 3)
                {
                    return false;
                }

                digits[length++] = '.';
                group = -1000;
                continue;
            }

            if (groups > 0 && group != 3)
            {
                if (group == 2 && ch == ',')
                {
                    indian = true;
                }
                else
                {
                    return false;
                }
            }

            groups++;
            group = 0;
        }

        if (groups > 0 && group >= 0 && group != 3)
        {
            return false;
        }

        if (indian && !raw.Contains(','))
        {
            return false;
        }

        return decimal.TryParse(digits[..length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private bool SeparatorIsDecimal(char separator)
    {
        var dotDecimal = language == "en" || IsMexican()
            || (dotDecimalEvidence > commaDecimalEvidence && dotDecimalEvidence >= (language == "es" ? 1 : 2));
        return separator == '.' ? dotDecimal : !dotDecimal;
    }

    private bool IsMexican()
    {
        mexican ??= language == "es" && (MexicanHint().IsMatch(text));
        return mexican.Value;
    }

    private void ReadPrefix(Candidate c)
    {
        c.Start = c.NumberStart;
        if (c.Spelled)
        {
            return;
        }

        var j = c.NumberStart;
        if (j > 0 && IsMinus(text[j - 1]) && (j == 1 || char.IsWhiteSpace(text[j - 2]) || text[j - 2] == '('))
        {
            c.Negative = true;
            c.Start = j - 1;
            return;
        }

        var k = j;
        if (k > 1 && text[k - 1] == '.' && IsCurrencySymbol(text[k - 2]))
        {
            k--; // "€.148.338.530"
        }
        else if (k > 1 && IsInlineSpace(text[k - 1]))
        {
            k--;
        }

        // Every prefix ends with a symbol, a capital, "." or the "s" of "Rs": "rose 5" needs no lookup.
        if (k == 0 || !(IsCurrencySymbol(text[k - 1]) || char.IsAsciiLetterUpper(text[k - 1]) || text[k - 1] is '.' or 's'))
        {
            return;
        }

        var t = k;
        while (t > 0 && k - t < 6 && (char.IsLetter(text[t - 1]) || IsCurrencySymbol(text[t - 1]) || text[t - 1] is '.' or '-'))
        {
            t--;
        }

        for (var s = t; s < k; s++)
        {
            if (s > 0 && char.IsLetterOrDigit(text[s - 1]) && !IsCurrencySymbol(text[s]))
            {
                continue;
            }

            if (CurrencyLexicon.PrefixLookup.TryGetValue(text.AsSpan(s, k - s), out var word))
            {
                c.Currency = word;
                c.CurrencyIsPrefix = true;
                c.Start = s;
                if (s > 0 && IsMinus(text[s - 1]) && (s == 1 || char.IsWhiteSpace(text[s - 2]) || text[s - 2] == '('))
                {
                    c.Negative = true;
                    c.Start = s - 1;
                }

                return;
            }
        }
    }

    private void ReadSuffix(Candidate c)
    {
        var n = text.Length;
        var q = c.NumberEnd;
        c.End = q;
        c.ValueEnd = q;

        // "113p", "1,33E": glued pence and the French press "E" for euros.
        if (!c.Spelled && c.Currency is null && q < n && (q + 1 == n || !char.IsLetterOrDigit(text[q + 1])))
        {
            if (text[q] == 'p' && c.Number is not (480 or 720 or 1080 or 1440 or 2160))
            {
                SetSuffixCurrency(c, CurrencyWord.Fixed("GBP", 0.01m), q + 1);
                return;
            }

            if (text[q] == 'E' && language == "fr")
            {
                SetSuffixCurrency(c, CurrencyWord.Fixed("EUR"), q + 1);
                return;
            }
        }

        // "175, 70 euros": a stray space after the decimal comma.
        if (!c.Spelled && q + 3 < n && text[q] == ',' && text[q + 1] == ' ' && GroupLength(q + 2) == 2 && c.Number == decimal.Truncate(c.Number)
            && !text.AsSpan(c.NumberStart, q - c.NumberStart).ContainsAny('.', ','))
        {
            var probe = new Candidate { NumberStart = c.NumberStart, NumberEnd = q + 4, Number = c.Number };
            ReadSuffix(probe);
            if (probe.Currency is not null && !probe.CurrencyIsPrefix && c.Currency is null)
            {
                c.Number += int.Parse(text.AsSpan(q + 2, 2), CultureInfo.InvariantCulture) / 100m;
                c.NumberEnd = q + 4;
                DropCandidatesWithin(q, q + 4);
                q = c.NumberEnd;
                c.End = q;
                c.ValueEnd = q;
            }
        }

        var w = ReadWord(q);
        if (w.IsWord && TryScale(c, w, q, out var afterScale))
        {
            q = afterScale;
            c.ValueEnd = q;
            c.End = q;
            if (c.Currency is not null)
            {
                return;
            }

            w = ReadWord(q);
        }

        if (w.IsNone)
        {
            var p = SkipSpaces(q, 2);
            if (p < n && text[p] == '%')
            {
                c.Percent = true;
            }

            return;
        }

        if (w.IsWord && IsPercentWord(w))
        {
            c.Percent = true;
            return;
        }

        if (c.Currency is not null && c.CurrencyIsPrefix)
        {
            return;
        }

        // "milliards de dollars", "millions d'euros", "millones de dólares".
        if (w.IsWord && c.HasScale)
        {
            var span = text.AsSpan(w.Start, w.End - w.Start);
            if (span.Equals("de", StringComparison.OrdinalIgnoreCase) || span.Equals("di", StringComparison.OrdinalIgnoreCase))
            {
                var next = ReadWord(w.End, 1);
                if (next.Start == w.End + 1)
                {
                    w = next;
                }
            }
            else if (span.Length > 2 && (span[0] is 'd' or 'D') && span[1] is '\'' or '’')
            {
                w = ReadWord(w.Start + 2, 0);
            }
        }

        if (TryCurrency(c, w))
        {
            return;
        }
    }

    private void SetSuffixCurrency(Candidate c, CurrencyWord word, int end)
    {
        c.Currency = word;
        c.CurrencyIsPrefix = false;
        c.End = end;
    }

    private bool TryScale(Candidate c, Word w, int q, out int after)
    {
        after = q;
        var span = text.AsSpan(w.Start, w.End - w.Start);
        ScaleWord scale;
        var end = w.End;
        if (span is "ME" && language == "fr")
        {
            scale = new ScaleWord(1e6m, Currency: CurrencyWord.Fixed("EUR"));
        }
        else if (w.TrailingDot && LookupWithDot(w, out scale))
        {
            end = w.End + 1;
        }
        else if (!CurrencyLexicon.ScaleLookup.TryGetValue(span, out scale))
        {
            return false;
        }

        // Single letters ("$5m", "USD 63M") only glued to a number that has a currency in front.
        if (scale.SingleLetter && (w.Start != c.NumberEnd || !c.CurrencyIsPrefix))
        {
            return false;
        }

        var isMil = span.Equals("mil", StringComparison.OrdinalIgnoreCase);
        if (isMil && language != "es")
        {
            return false;
        }

        if (isMil || span.Equals("miles", StringComparison.OrdinalIgnoreCase))
        {
            // Spanish "11 mil 200 millones": the thousands are part of the number, the scale comes after.
            if (end + 1 < text.Length && text[end] == ' ' && char.IsAsciiDigit(text[end + 1]) && GroupLength(end + 1) <= 3)
            {
                var g = GroupLength(end + 1);
                var next = ReadWord(end + 1 + g);
                if (next.IsWord && CurrencyLexicon.ScaleLookup.TryGetValue(text.AsSpan(next.Start, next.End - next.Start), out var inner) && !inner.SingleLetter)
                {
                    c.Number = (c.Number * 1000m) + int.Parse(text.AsSpan(end + 1, g), CultureInfo.InvariantCulture);
                    RemoveCandidateAt(end + 1);
                    c.Scale = ScaleFactor(inner);
                    c.HasScale = true;
                    c.WordScale = true;
                    after = next.End;
                    return true;
                }
            }
        }

        c.Scale = ScaleFactor(scale);
        c.HasScale = true;
        c.WordScale = !scale.SingleLetter;
        after = end;
        if (scale.Currency is { } attached)
        {
            SetSuffixCurrency(c, attached, end);
            return true;
        }

        // Compound scales: "mil millones", "miles de millones", "lakh crore", "thousand crore".
        var second = ReadWord(end, 1);
        if (second.IsWord)
        {
            var secondSpan = text.AsSpan(second.Start, second.End - second.Start);
            if ((span.Equals("miles", StringComparison.OrdinalIgnoreCase) || span.Equals("mil", StringComparison.OrdinalIgnoreCase))
                && secondSpan.Equals("de", StringComparison.OrdinalIgnoreCase))
            {
                second = ReadWord(second.End, 1);
                secondSpan = second.IsWord ? text.AsSpan(second.Start, second.End - second.Start) : default;
            }

            if (second.IsWord && CurrencyLexicon.ScaleLookup.TryGetValue(secondSpan, out var more) && !more.SingleLetter && more.Currency is null
                && more.Factor >= 1e5m && c.Scale < 1e9m)
            {
                c.Scale *= ScaleFactor(more);
                after = second.End;
            }
        }

        return true;
    }

    private bool LookupWithDot(Word w, out ScaleWord scale)
    {
        Span<char> buffer = stackalloc char[16];
        var length = w.End - w.Start;
        if (length + 1 > buffer.Length)
        {
            scale = default;
            return false;
        }

        text.AsSpan(w.Start, length).CopyTo(buffer);
        buffer[length] = '.';
        return CurrencyLexicon.ScaleLookup.TryGetValue(buffer[..(length + 1)], out scale);
    }

    private decimal ScaleFactor(ScaleWord scale) =>
        scale.LanguageDependentBillion && language != "en" ? scale.Factor * 1000m : scale.Factor;

    private bool IsPercentWord(Word w)
    {
        var span = text.AsSpan(w.Start, w.End - w.Start);
        if (CurrencyLexicon.PercentWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(span))
        {
            return true;
        }

        if (span.Equals("per", StringComparison.OrdinalIgnoreCase) || span.Equals("pour", StringComparison.OrdinalIgnoreCase)
            || span.Equals("por", StringComparison.OrdinalIgnoreCase))
        {
            var next = ReadWord(w.End, 1);
            if (next.IsWord)
            {
                var ns = text.AsSpan(next.Start, next.End - next.Start);
                return ns.Equals("cent", StringComparison.OrdinalIgnoreCase) || ns.Equals("ciento", StringComparison.OrdinalIgnoreCase)
                    || ns.Equals("centum", StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }

    // Longest currency phrase of up to three words: "H.K. Dlrs", "francs suisses", "centavos de dólar", "$US", "USD".
    private bool TryCurrency(Candidate c, Word first)
    {
        if (first.IsNone)
        {
            return false;
        }

        if (first.IsSymbol)
        {
            // A symbol followed by a digit is the next number's prefix, not this one's suffix.
            var after = SkipSpaces(first.End, 1);
            if (after < text.Length && char.IsAsciiDigit(text[after]))
            {
                return false;
            }

            if (CurrencyLexicon.SuffixLookup.TryGetValue(text.AsSpan(first.Start, first.End - first.Start), out var sym))
            {
                SetSuffixCurrency(c, sym, first.End);
                return true;
            }

            return false;
        }

        var span = text.AsSpan(first.Start, first.End - first.Start);
        if (span.Length == 3 && char.IsAsciiLetterUpper(span[0]) && char.IsAsciiLetterUpper(span[1]) && char.IsAsciiLetterUpper(span[2])
            && CurrencyLexicon.IsoCodes.GetAlternateLookup<ReadOnlySpan<char>>().Contains(span))
        {
            SetSuffixCurrency(c, CurrencyWord.Fixed(span is "RMB" ? "CNY" : span.ToString()), first.End);
            return true;
        }

        Span<Word> words = stackalloc Word[3];
        words[0] = first;
        var count = 1;
        var firstKey = text.AsSpan(first.Start, first.End - first.Start);
        var multi = CurrencyLexicon.PhraseStarts.GetAlternateLookup<ReadOnlySpan<char>>().Contains(firstKey)
            || (first.TrailingDot && CurrencyLexicon.PhraseStarts.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(first.Start, first.End - first.Start + 1)));
        while (multi && count < 3)
        {
            var prev = words[count - 1];
            var next = ReadWord(prev.End + (prev.TrailingDot ? 1 : 0), 1);
            if (!next.IsWord || next.Start > prev.End + (prev.TrailingDot ? 2 : 1))
            {
                break;
            }

            words[count++] = next;
        }

        Span<char> key = stackalloc char[64];
        for (var k = count; k >= 1; k--)
        {
            var length = 0;
            var fits = true;
            for (var x = 0; x < k && fits; x++)
            {
                var wx = words[x];
                var wordLength = wx.End - wx.Start + (wx.TrailingDot && x < k - 1 ? 1 : 0);
                if (length + wordLength + 1 >= key.Length)
                {
                    fits = false;
                    break;
                }

                if (x > 0)
                {
                    key[length++] = ' ';
                }

                text.AsSpan(wx.Start, wordLength).CopyTo(key[length..]);
                length += wordLength;
            }

            if (!fits)
            {
                continue;
            }

            var last = words[k - 1];
            var end = last.End;
            var found = false;
            CurrencyWord word = default;
            if (last.TrailingDot && length + 1 < key.Length)
            {
                key[length] = '.';
                if (CurrencyLexicon.SuffixLookup.TryGetValue(key[..(length + 1)], out word))
                {
                    found = true;
                    end++;
                }
            }

            if (!found && CurrencyLexicon.SuffixLookup.TryGetValue(key[..length], out word))
            {
                found = true;
            }

            if (!found)
            {
                continue;
            }

            if (word.NeedsCue && !c.HasScale && (!HasCue(word.Code) || c.Number is >= 1900 and <= 2100))
            {
                return false;
            }

            SetSuffixCurrency(c, word, end);
            return true;
        }

        return false;
    }

    // Phase 3: ranges give their currency (and, leftwards, their scale) to the bare end: "26 to 28 mln dlrs", "$10-12 million".
    private void LinkRanges()
    {
        Candidate? a = null;
        foreach (var b in candidates)
        {
            if (b.Dropped)
            {
                continue;
            }

            if (a is not null && !a.Percent && !b.Percent && IsRangeGap(a, b))
            {
                if (a.Currency is null && b.Currency is { } bc && !b.CurrencyIsPrefix)
                {
                    a.Currency = bc;
                    a.FromRange = true;
                    BorrowScale(a, b);
                }
                else if (a.Currency is { } ac && a.CurrencyIsPrefix && b.Currency is null)
                {
                    b.Currency = ac;
                    b.FromRange = true;
                    BorrowScale(a, b);
                }
                else if (a.Currency is not null && b.Currency is not null && a.CurrencyIsPrefix && b.CurrencyIsPrefix)
                {
                    BorrowScale(a, b);
                }
            }

            a = b;
        }
    }

    private static void BorrowScale(Candidate a, Candidate b)
    {
        if (!a.HasScale && b.HasScale)
        {
            a.Scale = b.Scale;
            a.HasScale = true;
            a.WordScale = b.WordScale;
        }
    }

    private bool IsRangeGap(Candidate a, Candidate b)
    {
        var gapStart = a.Currency is null ? a.ValueEnd : a.End;
        var gapEnd = b.Start;
        if (b.Negative && b.Start < b.NumberStart)
        {
            gapEnd = b.NumberStart;
        }

        if (gapEnd <= gapStart || gapEnd - gapStart > 12)
        {
            return false;
        }

        var raw = text.AsSpan(gapStart, gapEnd - gapStart);
        var gap = raw.Trim();
        if (gap.Length == 1 && IsMinus(gap[0]) || gap is "—")
        {
            // "10-12" or "10 - 12"; "15 -57" is a minus sign, not a range.
            var spacedBefore = raw[0] == ' ';
            var spacedAfter = raw[^1] == ' ';
            if (spacedBefore != spacedAfter)
            {
                return false;
            }

            b.Negative = false;
            b.Start = Math.Max(b.Start, b.NumberStart);
            return true;
        }

        foreach (var word in RangeWords)
        {
            if (gap.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                return !b.Negative;
            }
        }

        foreach (var word in BetweenRangeWords)
        {
            if (gap.Equals(word, StringComparison.OrdinalIgnoreCase))
            {
                var before = text.AsSpan(Math.Max(0, a.Start - 12), Math.Min(12, a.Start)).TrimEnd();
                foreach (var between in BetweenWords)
                {
                    if (before.EndsWith(between, StringComparison.OrdinalIgnoreCase))
                    {
                        return !b.Negative;
                    }
                }
            }
        }

        return false;
    }

    private void ResolveExplicit()
    {
        foreach (var c in candidates)
        {
            if (c.Dropped || c.Percent || c.Currency is not { } word)
            {
                continue;
            }

            c.InParens = InParentheses(c.Start, c.End);
            c.Unit = word.Unit;
            c.Code = word.Family switch
            {
                CurrencyFamily.None => word.Code,
                CurrencyFamily.Dollar => c.InParens ? "USD" : OtherDollar() ?? "USD",
                CurrencyFamily.Cent => CentCode(c),
                _ => FamilyCode(word.Family),
            };
        }
    }

    private string CentCode(Candidate c)
    {
        for (var k = candidates.IndexOf(c) - 1; k >= 0; k--)
        {
            var prev = candidates[k];
            if (prev.Code is { } code && !prev.Dropped && prev.Currency is { Family: not CurrencyFamily.Cent })
            {
                return Array.IndexOf(CentCurrencies, code) >= 0 ? code : OtherDollar() ?? "USD";
            }
        }

        var word = text.AsSpan(c.NumberEnd).TrimStart();
        if (language != "en" && (word.StartsWith("cent", StringComparison.OrdinalIgnoreCase) && !word.StartsWith("centavo", StringComparison.OrdinalIgnoreCase)))
        {
            return "EUR";
        }

        return OtherDollar() ?? "USD";
    }

    // Phase 4: "from 4.2 billion", "dont 1,9 milliard": scaled numbers without currency take the one of the amount before.
    private void ResolveElliptical()
    {
        Candidate? lastMain = null;
        for (var k = 0; k < candidates.Count; k++)
        {
            var c = candidates[k];
            if (c.Dropped || c.Percent)
            {
                continue;
            }

            if (c.Code is not null)
            {
                if (!c.InParens)
                {
                    lastMain = c;
                }

                continue;
            }

            if (c.HasScale && c.WordScale)
            {
                if (IsCountOrPartitive(c.ValueEnd))
                {
                    continue;
                }

                c.InParens = InParentheses(c.Start, c.ValueEnd);
                var source = lastMain;
                if (source is null && FollowedByParenthesis(c.ValueEnd))
                {
                    source = NextMainAmount(k + 1);
                }

                if (source is not null)
                {
                    c.Code = source.Code;
                    c.End = c.ValueEnd;
                    if (!c.InParens)
                    {
                        lastMain = c;
                    }
                }
            }
            else if (!c.HasScale && !c.Spelled && lastMain is not null && IsComparative(c.NumberEnd) && SameSentence(lastMain.End, c.Start))
            {
                // "soit 110 de moins", "15 más del precio": the difference is in the unit of the amount it compares to.
                c.Code = lastMain.Code;
                c.Scale = lastMain.Scale;
                c.Unit = lastMain.Unit;
                c.End = c.ValueEnd;
            }
        }
    }

    private Candidate? NextMainAmount(int from)
    {
        for (var k = from; k < candidates.Count; k++)
        {
            var c = candidates[k];
            if (!c.Dropped && c.Code is not null && !c.InParens)
            {
                return c;
            }
        }

        return null;
    }

    private bool FollowedByParenthesis(int p)
    {
        var q = SkipSpaces(p, 2);
        return q < text.Length && text[q] == '(';
    }

    private bool IsCountOrPartitive(int p)
    {
        var w = ReadWord(p, 2);
        if (!w.IsWord)
        {
            return false;
        }

        var span = text.AsSpan(w.Start, w.End - w.Start);
        if (OfWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(span) || (span.Length > 2 && span[0] is 'd' or 'D' && span[1] is '\'' or '’'))
        {
            return true;
        }

        if (CountNouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(span))
        {
            return true;
        }

        if (w.TrailingDot)
        {
            return false;
        }

        var second = ReadWord(w.End, 1);
        return second.IsWord && second.Start == w.End + 1
            && CountNouns.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text.AsSpan(second.Start, second.End - second.Start));
    }

    private bool IsComparative(int p)
    {
        var q = SkipSpaces(p, 2);
        if (q == p)
        {
            return false;
        }

        var rest = text.AsSpan(q, Math.Min(12, text.Length - q));
        foreach (var word in ComparativeWords)
        {
            if (rest.StartsWith(word, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private bool SameSentence(int from, int to)
    {
        if (to - from > 160 || to < from)
        {
            return false;
        }

        var between = text.AsSpan(from, to - from);
        for (var k = 0; k < between.Length; k++)
        {
            if (between[k] is '\n' or '!' or '?' || (between[k] == '.' && (k + 1 == between.Length || char.IsWhiteSpace(between[k + 1]))))
            {
                return false;
            }
        }

        return true;
    }

    private bool InParentheses(int start, int end)
    {
        var lookBack = Math.Min(start, 120);
        var before = text.AsSpan(start - lookBack, lookBack);
        var open = before.LastIndexOf('(');
        if (open < 0 || before[open..].Contains(')'))
        {
            return false;
        }

        var after = text.AsSpan(end, Math.Min(120, text.Length - end));
        var close = after.IndexOf(')');
        return close >= 0 && !after[..close].Contains('(');
    }

    private string? OtherDollar()
    {
        if (otherDollarKnown)
        {
            return otherDollar;
        }

        otherDollarKnown = true;
        foreach (var c in candidates)
        {
            if (!c.Dropped && c.Currency is { Family: CurrencyFamily.None } w && Array.IndexOf(OtherDollarCodes, w.Code) >= 0)
            {
                otherDollar = w.Code;
                return otherDollar;
            }
        }

        // Every name contains "$", "dollar", "dlr" or "dólar": look for those first, the names only when one is there.
        var span = text.AsSpan();
        if (span.Contains('$') || span.Contains("dollar", StringComparison.OrdinalIgnoreCase) || span.Contains("dlr", StringComparison.OrdinalIgnoreCase)
            || span.Contains("dólar", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var (phrase, code) in OtherDollarNames)
            {
                if (span.Contains(phrase, StringComparison.OrdinalIgnoreCase))
                {
                    otherDollar = code;
                    break;
                }
            }
        }

        return otherDollar;
    }

    private string FamilyCode(CurrencyFamily family)
    {
        familyCodes ??= [];
        if (familyCodes.TryGetValue(family, out var cached))
        {
            return cached;
        }

        string code;
        switch (family)
        {
            case CurrencyFamily.Franc:
                code = QualifiedFranc() ?? (Cue("swiss|switzerland|suisse|schweiz|zurich|zürich|geneva|genève|bern|SMI |CHF") ? "CHF"
                    : Cue("belgi|bruxelles|brussels|brüssel") ? "BEF"
                    : Cue("luxembourg") ? "LUF"
                    : language == "en" && Cue("french|france|paris|français") ? "FRF"
                    : "CHF");
                break;
            case CurrencyFamily.Crown:
                code = Cue("denmark|danish|danois|dänemark|dänisch|copenhag|kopenhagen|dinamarca") ? "DKK"
                    : Cue("norw|oslo|norvég|noruega") ? "NOK"
                    : Cue("czech|tchèque|tschech|prague|prag ") ? "CZK"
                    : Cue("iceland|islande|island ") ? "ISK"
                    : "SEK";
                break;
            case CurrencyFamily.Rupee:
                code = Cue("pakistan") ? "PKR" : Cue("sri lanka") ? "LKR" : Cue("nepal") ? "NPR" : Cue("mauriti") ? "MUR" : "INR";
                break;
            case CurrencyFamily.Peso:
                code = Cue("argentin") ? "ARS" : Cue("chile") ? "CLP" : Cue("colombi") ? "COP" : Cue("philippin|filipin") ? "PHP"
                    : Cue("uruguay") ? "UYU" : "MXN";
                break;
            case CurrencyFamily.Riyal:
                code = Cue("qatar") ? "QAR" : Cue("oman") ? "OMR" : Cue("iran") ? "IRR" : Cue("yemen") ? "YER" : "SAR";
                break;
            case CurrencyFamily.Dinar:
                code = Cue("bahrain") ? "BHD" : Cue("jordan") ? "JOD" : Cue("tunisi") ? "TND" : Cue("algeri") ? "DZD" : Cue("iraq") ? "IQD"
                    : Cue("serbi") ? "RSD" : "KWD";
                break;
            case CurrencyFamily.Lira:
                code = Cue("ital") ? "ITL" : "TRY";
                break;
            case CurrencyFamily.YenSign:
                code = Cue("yuan|renminbi|RMB|china|chinese|chine") && !Cue("yen |yen.|yen,|japan|japon|tokyo") ? "CNY" : "JPY";
                break;
            default:
                code = "USD";
                break;
        }

        familyCodes[family] = code;
        return code;
    }

    private string? QualifiedFranc()
    {
        foreach (var c in candidates)
        {
            if (!c.Dropped && c.Currency is { Family: CurrencyFamily.None, Code: "CHF" or "FRF" or "BEF" or "XOF" } w)
            {
                return w.Code;
            }
        }

        return null;
    }

    private bool HasCue(string code) => code switch
    {
        "KRW" => Cue("korea|corée|seoul|séoul|KRW|samsung|hyundai"),
        "DEM" => Cue("german|deutsch|bundesbank|frankfurt|allemagne"),
        _ => true,
    };

    // Context cues: any of the '|'-separated words starting a word of the text (case-insensitive, vectorised IndexOf).
    private bool Cue(string alternatives)
    {
        foreach (var needle in CueWords.GetOrAdd(alternatives, a => a.Split('|')))
        {
            var from = 0;
            while (from < text.Length)
            {
                var at = text.AsSpan(from).IndexOf(needle, StringComparison.OrdinalIgnoreCase);
                if (at < 0)
                {
                    break;
                }

                at += from;
                if (at == 0 || !char.IsLetter(text[at - 1]))
                {
                    return true;
                }

                from = at + needle.Length;
            }
        }

        return false;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string[]> CueWords = new(StringComparer.Ordinal);

    private AmountQualifier QualifierBefore(int start)
    {
        var window = text.AsSpan(Math.Max(0, start - 24), Math.Min(24, start)).TrimEnd();
        var lastWord = window.Length;
        while (lastWord > 0 && (char.IsLetter(window[lastWord - 1]) || window[lastWord - 1] is '\'' or '’' or '.'))
        {
            lastWord--;
        }

        if (lastWord == window.Length || !QualifierLastWords.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(window[lastWord..], out var phrases))
        {
            return AmountQualifier.Exact;
        }

        foreach (var (phrase, qualifier) in phrases)
        {
            if (window.EndsWith(phrase, StringComparison.OrdinalIgnoreCase)
                && (window.Length == phrase.Length || !char.IsLetter(window[window.Length - phrase.Length - 1])))
            {
                return qualifier;
            }
        }

        return AmountQualifier.Exact;
    }

    private int SkipSpaces(int p, int max)
    {
        var q = p;
        while (q < text.Length && q - p < max && IsInlineSpace(text[q]))
        {
            q++;
        }

        return q;
    }

    // A word: letters with inner '.', '-', apostrophes ("H.K.", "US-Dollar", "d'euros") and an attached "€"/"$" ("Md€"),
    // or a currency symbol with up to three capitals glued to it ("$US").
    private Word ReadWord(int p, int maxSpaces = 3)
    {
        var n = text.Length;
        var q = SkipSpaces(p, maxSpaces);
        if (q >= n)
        {
            return default;
        }

        var ch = text[q];
        if (IsCurrencySymbol(ch))
        {
            var e = q + 1;
            while (e < n && e - q <= 3 && char.IsAsciiLetterUpper(text[e]))
            {
                e++;
            }

            if (e < n && char.IsLetter(text[e]))
            {
                e = q + 1;
            }

            return new Word(q, e, false, true);
        }

        if (!char.IsLetter(ch))
        {
            return default;
        }

        var end = q;
        while (end < n)
        {
            var c = text[end];
            if (char.IsLetter(c) || (c is '.' or '-' or '\'' or '’' && end + 1 < n && char.IsLetter(text[end + 1])))
            {
                end++;
            }
            else
            {
                break;
            }

            if (end - q > 40)
            {
                break;
            }
        }

        if (end < n && text[end] is '€' or '$' && end - q <= 3 && (end + 1 == n || !char.IsLetter(text[end + 1])))
        {
            end++;
        }

        return new Word(q, end, end < n && text[end] == '.', false);
    }

    private static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    private static readonly System.Buffers.SearchValues<char> WordFollowers = System.Buffers.SearchValues.Create(" \u00A0");

    [GeneratedRegex(@"\b(?:mdd|mmdd|mdp|mmdp|pesos)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MexicanHint();

    private readonly record struct Word(int Start, int End, bool TrailingDot, bool IsSymbol)
    {
        public bool IsNone => End == 0;

        public bool IsWord => End > 0 && !IsSymbol;
    }

    private sealed class Candidate
    {
        public int Start { get; set; }

        public int End { get; set; }

        public int NumberStart { get; set; }

        public int NumberEnd { get; set; }

        public int ValueEnd { get; set; }

        public decimal Number { get; set; }

        public bool Negative { get; set; }

        public decimal Scale { get; set; } = 1m;

        public bool HasScale { get; set; }

        public bool WordScale { get; set; }

        public decimal Unit { get; set; } = 1m;

        public CurrencyWord? Currency { get; set; }

        public bool CurrencyIsPrefix { get; set; }

        public string? Code { get; set; }

        public bool Percent { get; set; }

        public bool Spelled { get; set; }

        public bool InParens { get; set; }

        public bool FromRange { get; set; }

        public bool Dropped { get; set; }
    }
}
