namespace Alerts.Core.Extraction;

/// <summary>Currencies whose ISO code depends on the story ("dlrs" in a Hong Kong story are HKD).</summary>
internal enum CurrencyFamily
{
    /// <summary>The code is fixed by the word itself.</summary>
    None,

    /// <summary>Bare "$", "dollars", "dlrs": USD unless the story names another dollar.</summary>
    Dollar,

    /// <summary>Bare "cents", "cts", "centavos": a hundredth of the story's dollar (or of the amount just before).</summary>
    Cent,

    /// <summary>Bare "francs": Swiss, Belgian or French from context.</summary>
    Franc,

    /// <summary>"crowns", "kronor", "couronnes", "Kronen": Swedish unless Danish, Norwegian, Czech context.</summary>
    Crown,

    /// <summary>"rupees", "Rs": Indian unless Pakistani, Sri Lankan ... context.</summary>
    Rupee,

    /// <summary>"pesos": Mexican unless another country is named.</summary>
    Peso,

    /// <summary>"riyals", "rials": Saudi unless Qatar, Oman, Iran is named.</summary>
    Riyal,

    /// <summary>"dinars": Kuwaiti unless another country is named.</summary>
    Dinar,

    /// <summary>"lira": Turkish unless Italy is named.</summary>
    Lira,

    /// <summary>"¥": Japanese yen unless the story is about yuan.</summary>
    YenSign,
}

/// <summary>What a currency word means: a fixed code or a family resolved from context, and the unit (0.01 for pence).</summary>
internal readonly record struct CurrencyWord(string Code, CurrencyFamily Family, decimal Unit, bool NeedsCue = false)
{
    public static CurrencyWord Fixed(string code, decimal unit = 1m) => new(code, CurrencyFamily.None, unit);

    public static CurrencyWord Of(CurrencyFamily family, decimal unit = 1m) => new(string.Empty, family, unit);
}

/// <summary>Scale words ("million", "Mrd.", "crore") and words that carry both a scale and a currency ("M€", "mdd").</summary>
internal readonly record struct ScaleWord(decimal Factor, bool LanguageDependentBillion = false, CurrencyWord? Currency = null, bool SingleLetter = false);

/// <summary>The vocabulary of money in English, French, German and Spanish news.</summary>
internal static class CurrencyLexicon
{
    /// <summary>ISO 4217 codes accepted before or after a number; a short list so that "ALL" or "TOP" never read as money.</summary>
    public static readonly HashSet<string> IsoCodes = new(StringComparer.Ordinal)
    {
        "USD", "EUR", "GBP", "JPY", "CHF", "CNY", "RMB", "HKD", "CAD", "AUD", "NZD", "SGD", "INR", "KRW", "TWD", "SEK",
        "NOK", "DKK", "ISK", "PLN", "CZK", "HUF", "RON", "RUB", "TRY", "ZAR", "BRL", "MXN", "ARS", "CLP", "COP", "PEN",
        "ILS", "AED", "SAR", "QAR", "KWD", "EGP", "NGN", "PKR", "IDR", "MYR", "THB", "PHP", "VND",
    };

    /// <summary>Currency markers written before the number ("US$", "€", "Rs", "CHF").</summary>
    public static readonly Dictionary<string, CurrencyWord> Prefixes = BuildPrefixes();

    /// <summary>Currency words and phrases written after the number, lower case, words joined by one space.</summary>
    public static readonly Dictionary<string, CurrencyWord> Suffixes = BuildSuffixes();

    /// <summary>First words of the multi-word currency phrases ("hong" of "hong kong dollars"), to skip reading further words.</summary>
    public static readonly HashSet<string> PhraseStarts = new(
        Suffixes.Keys.Where(k => k.Contains(' ', StringComparison.Ordinal)).Select(k => k[..k.IndexOf(' ', StringComparison.Ordinal)]),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Scale words, lower case.</summary>
    public static readonly Dictionary<string, ScaleWord> Scales = BuildScales();

    public static readonly Dictionary<string, CurrencyWord>.AlternateLookup<ReadOnlySpan<char>> SuffixLookup = Suffixes.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly Dictionary<string, ScaleWord>.AlternateLookup<ReadOnlySpan<char>> ScaleLookup = Scales.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly Dictionary<string, CurrencyWord>.AlternateLookup<ReadOnlySpan<char>> PrefixLookup = Prefixes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words after a number that make it a percentage, a count of points or a rate, never money.</summary>
    public static readonly HashSet<string> PercentWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "pct", "percent", "pc", "prozent", "prozentpunkte", "points", "point", "pts", "pt", "bp", "bps", "puntos", "punto",
        "punkte", "punkt", "pb", "pdb", "basis", "percentage", "porcentuales", "pour-cent", "prozentpunkt", "pourcent",
    };

    private static Dictionary<string, CurrencyWord> BuildPrefixes()
    {
        var usd = CurrencyWord.Fixed("USD");
        var d = new Dictionary<string, CurrencyWord>(StringComparer.Ordinal)
        {
            ["$"] = CurrencyWord.Of(CurrencyFamily.Dollar), ["US$"] = usd, ["U.S.$"] = usd, ["USD$"] = usd, ["US-$"] = usd,
            ["C$"] = CurrencyWord.Fixed("CAD"), ["CA$"] = CurrencyWord.Fixed("CAD"), ["CAD$"] = CurrencyWord.Fixed("CAD"), ["Can$"] = CurrencyWord.Fixed("CAD"),
            ["A$"] = CurrencyWord.Fixed("AUD"), ["AU$"] = CurrencyWord.Fixed("AUD"), ["AUD$"] = CurrencyWord.Fixed("AUD"),
            ["HK$"] = CurrencyWord.Fixed("HKD"), ["S$"] = CurrencyWord.Fixed("SGD"), ["SG$"] = CurrencyWord.Fixed("SGD"),
            ["NZ$"] = CurrencyWord.Fixed("NZD"), ["NT$"] = CurrencyWord.Fixed("TWD"), ["R$"] = CurrencyWord.Fixed("BRL"),
            ["MX$"] = CurrencyWord.Fixed("MXN"), ["Mex$"] = CurrencyWord.Fixed("MXN"),
            ["€"] = CurrencyWord.Fixed("EUR"), ["£"] = CurrencyWord.Fixed("GBP"), ["¥"] = CurrencyWord.Of(CurrencyFamily.YenSign),
            ["₹"] = CurrencyWord.Fixed("INR"), ["₩"] = CurrencyWord.Fixed("KRW"), ["₪"] = CurrencyWord.Fixed("ILS"), ["₽"] = CurrencyWord.Fixed("RUB"),
            ["Fr."] = CurrencyWord.Fixed("CHF"), ["SFr."] = CurrencyWord.Fixed("CHF"), ["sFr."] = CurrencyWord.Fixed("CHF"),
            ["Rs"] = CurrencyWord.Of(CurrencyFamily.Rupee), ["Rs."] = CurrencyWord.Of(CurrencyFamily.Rupee), ["Re."] = CurrencyWord.Of(CurrencyFamily.Rupee),
            ["RMB"] = CurrencyWord.Fixed("CNY"), ["DM"] = CurrencyWord.Fixed("DEM"),
        };
        foreach (var code in IsoCodes)
        {
            d.TryAdd(code, CurrencyWord.Fixed(code == "RMB" ? "CNY" : code));
        }

        return d;
    }

    private static Dictionary<string, CurrencyWord> BuildSuffixes()
    {
        var d = new Dictionary<string, CurrencyWord>(StringComparer.OrdinalIgnoreCase);
        void Add(CurrencyWord word, params string[] keys)
        {
            foreach (var k in keys)
            {
                d[k] = word;
            }
        }

        var dollar = CurrencyWord.Of(CurrencyFamily.Dollar);
        Add(dollar, "$", "dollar", "dollars", "dlr", "dlrs", "dólar", "dólares", "dolar", "dolares", "dollaro", "dollari");
        Add(CurrencyWord.Fixed("USD"), "$us", "us$", "u.s. dollars", "u.s. dollar", "u.s. dlrs", "u.s. dlr", "us dollars", "us dollar", "us dlrs",
            "american dollars", "dollars américains", "dollars us", "dollars américain", "us-dollar", "us-dollars", "dólares estadounidenses",
            "dólares americanos", "dólares us", "dollars des états-unis");
        Add(CurrencyWord.Fixed("USD", 0.01m), "centavos de dólar", "centavos de dólares", "us cents", "u.s. cents");
        Add(CurrencyWord.Fixed("CAD"), "$ca", "$can", "c$", "canadian dollars", "canadian dollar", "canadian dlrs", "canadian dlr", "dollars canadiens",
            "dollar canadien", "kanadische dollar", "dólares canadienses");
        Add(CurrencyWord.Fixed("AUD"), "$au", "a$", "australian dollars", "australian dollar", "australian dlrs", "australian dlr", "dollars australiens",
            "australische dollar", "dólares australianos");
        Add(CurrencyWord.Fixed("HKD"), "$hk", "hk$", "hong kong dollars", "hong kong dollar", "hong kong dlrs", "hong kong dlr", "h.k. dlrs", "h.k. dlr",
            "h.k. dollars", "hk dollars", "hk dollar", "hk dlrs", "dollars de hong kong", "dollars hongkongais", "hongkong-dollar", "dólares de hong kong");
        Add(CurrencyWord.Fixed("NZD"), "new zealand dollars", "new zealand dollar", "new zealand dlrs", "new zealand dlr", "n.z. dlrs", "dollars néo-zélandais");
        Add(CurrencyWord.Fixed("SGD"), "singapore dollars", "singapore dollar", "singapore dlrs", "s$", "dollars de singapour", "dollars singapouriens");
        Add(CurrencyWord.Fixed("TWD"), "taiwan dollars", "taiwan dollar", "taiwan dlrs", "new taiwan dollars", "nt$");
        Add(CurrencyWord.Fixed("EUR"), "€", "euro", "euros", "eur", "euro cents", "céntimos de euro", "centimes d'euro", "centimes d’euro");
        d["euro cents"] = CurrencyWord.Fixed("EUR", 0.01m);
        d["céntimos de euro"] = CurrencyWord.Fixed("EUR", 0.01m);
        d["centimes d'euro"] = CurrencyWord.Fixed("EUR", 0.01m);
        d["centimes d’euro"] = CurrencyWord.Fixed("EUR", 0.01m);
        Add(CurrencyWord.Fixed("EUR", 0.01m), "céntimos", "centimos", "eurocent", "eurocents");
        Add(CurrencyWord.Fixed("GBP"), "£", "pound", "pounds", "stg", "sterling", "pounds sterling", "pound sterling", "british pounds", "british pound",
            "livre", "livres", "livres sterling", "livre sterling", "pfund", "pfund sterling", "britische pfund", "libra", "libras", "libras esterlinas", "libra esterlina");
        Add(CurrencyWord.Fixed("GBP", 0.01m), "pence", "penny", "pennies");
        Add(CurrencyWord.Fixed("EGP"), "egyptian pounds", "egyptian pound", "livres égyptiennes");
        Add(CurrencyWord.Fixed("LBP"), "lebanese pounds", "livres libanaises");
        Add(CurrencyWord.Fixed("JPY"), "yen", "yens", "yenes", "japanese yen", "¥");
        d["¥"] = CurrencyWord.Of(CurrencyFamily.YenSign);
        Add(CurrencyWord.Fixed("CNY"), "yuan", "yuans", "yuanes", "renminbi", "chinese yuan", "yuan renminbi");
        Add(CurrencyWord.Of(CurrencyFamily.Franc), "franc", "francs", "francos");
        Add(CurrencyWord.Fixed("CHF"), "swiss francs", "swiss franc", "francs suisses", "franc suisse", "franken", "schweizer franken", "francos suizos", "sfr");
        Add(CurrencyWord.Fixed("CHF", 0.01m), "rappen");
        Add(CurrencyWord.Fixed("FRF"), "french francs", "french franc", "francs français", "francs francais", "francos franceses");
        Add(CurrencyWord.Fixed("BEF"), "belgian francs", "belgian franc", "francs belges");
        Add(CurrencyWord.Fixed("XOF"), "francs cfa", "cfa francs");
        Add(CurrencyWord.Of(CurrencyFamily.Crown), "crowns", "crown", "kronor", "krona", "kroner", "krone", "couronnes", "kronen", "coronas");
        Add(CurrencyWord.Fixed("SEK"), "swedish crowns", "swedish kronor", "couronnes suédoises", "schwedische kronen", "coronas suecas");
        Add(CurrencyWord.Fixed("DKK"), "danish crowns", "danish kroner", "couronnes danoises", "dänische kronen", "coronas danesas");
        Add(CurrencyWord.Fixed("NOK"), "norwegian crowns", "norwegian kroner", "couronnes norvégiennes", "norwegische kronen", "coronas noruegas");
        Add(CurrencyWord.Fixed("CZK"), "czech crowns", "czech korunas", "koruna", "korunas");
        Add(CurrencyWord.Of(CurrencyFamily.Rupee), "rupees", "rupee", "roupies", "roupie", "rupien", "rupias", "rupia");
        Add(CurrencyWord.Fixed("INR"), "indian rupees", "roupies indiennes", "indische rupien", "rupias indias");
        Add(CurrencyWord.Fixed("PKR"), "pakistani rupees", "pakistan rupees");
        Add(CurrencyWord.Fixed("IDR"), "rupiah", "rupiahs");
        Add(CurrencyWord.Of(CurrencyFamily.Peso), "pesos", "peso");
        Add(CurrencyWord.Fixed("MXN"), "mexican pesos", "pesos mexicanos", "pesos mexicains");
        Add(CurrencyWord.Fixed("ARS"), "argentine pesos", "pesos argentinos");
        Add(CurrencyWord.Fixed("CLP"), "chilean pesos", "pesos chilenos");
        Add(CurrencyWord.Fixed("COP"), "colombian pesos", "pesos colombianos");
        Add(CurrencyWord.Fixed("PHP"), "philippine pesos", "pesos philippins");
        Add(CurrencyWord.Fixed("BRL"), "reais", "reales", "réals", "réaux", "brazilian reais", "real brasileño", "reales brasileños");
        Add(CurrencyWord.Of(CurrencyFamily.Riyal), "riyals", "riyal", "rials", "rial", "riales");
        Add(CurrencyWord.Fixed("SAR"), "saudi riyals", "saudi riyal");
        Add(CurrencyWord.Fixed("QAR"), "qatari riyals", "qatari riyal");
        Add(CurrencyWord.Of(CurrencyFamily.Dinar), "dinars", "dinar", "dinares");
        Add(CurrencyWord.Fixed("AED"), "dirhams", "dirham", "uae dirhams");
        Add(CurrencyWord.Fixed("KRW"), "wones", "wons", "korean won", "south korean won", "won coréens");
        d["won"] = new CurrencyWord("KRW", CurrencyFamily.None, 1m, NeedsCue: true);
        Add(CurrencyWord.Fixed("ITL"), "lire", "italian lire");
        Add(CurrencyWord.Of(CurrencyFamily.Lira), "lira", "liras");
        Add(CurrencyWord.Fixed("TRY"), "turkish lira", "turkish liras", "livres turques", "liras turcas");
        d["marks"] = new CurrencyWord("DEM", CurrencyFamily.None, 1m, NeedsCue: true);
        Add(CurrencyWord.Fixed("DEM"), "deutsche marks", "deutschmarks", "d-marks", "mark", "deutsche mark");
        d["mark"] = new CurrencyWord("DEM", CurrencyFamily.None, 1m, NeedsCue: true);
        Add(CurrencyWord.Fixed("ZAR"), "rand", "rands", "south african rand");
        Add(CurrencyWord.Fixed("RUB"), "roubles", "rubles", "rouble", "ruble", "rubel", "rublos");
        Add(CurrencyWord.Fixed("PLN"), "zlotys", "zloty", "zlotych", "zlotis");
        Add(CurrencyWord.Fixed("HUF"), "forints", "forint");
        Add(CurrencyWord.Fixed("ILS"), "shekels", "shekel", "new shekels");
        Add(CurrencyWord.Fixed("THB"), "baht");
        Add(CurrencyWord.Fixed("MYR"), "ringgit");
        Add(CurrencyWord.Fixed("NGN"), "naira");
        Add(CurrencyWord.Fixed("VND"), "dong");
        Add(CurrencyWord.Fixed("PEN"), "soles", "nuevos soles");
        Add(CurrencyWord.Of(CurrencyFamily.Cent, 0.01m), "cents", "cent", "cts", "ct", "centavos", "centavo", "centimes", "centime");
        return d;
    }

    private static Dictionary<string, ScaleWord> BuildScales()
    {
        var d = new Dictionary<string, ScaleWord>(StringComparer.OrdinalIgnoreCase);
        void Add(decimal factor, params string[] keys)
        {
            foreach (var k in keys)
            {
                d[k] = new ScaleWord(factor);
            }
        }

        Add(1e3m, "thousand", "thousands", "tsd", "tsd.", "tausend", "mille", "miles", "mil");
        Add(1e6m, "million", "millions", "mn", "mln", "mlns", "mio", "mio.", "mill.", "mm", "millón", "millon", "millones", "millionen", "milliones");
        Add(1e9m, "bn", "bln", "bns", "milliard", "milliards", "milliarde", "milliarden", "mrd", "mrd.", "mrds", "md", "mds", "mia", "mia.",
            "millardo", "millardos");
        Add(1e12m, "tn", "trn", "tln", "billón", "billon", "billones", "billionen");
        Add(1e15m, "billiarde", "billiarden");
        Add(1e18m, "trillón", "trillones");
        Add(1e5m, "lakh", "lakhs", "lac", "lacs");
        Add(1e7m, "crore", "crores", "cr", "cr.");
        d["billion"] = new ScaleWord(1e9m, LanguageDependentBillion: true);
        d["billions"] = new ScaleWord(1e9m, LanguageDependentBillion: true);
        d["trillion"] = new ScaleWord(1e12m, LanguageDependentBillion: true);
        d["trillions"] = new ScaleWord(1e12m, LanguageDependentBillion: true);
        d["k"] = new ScaleWord(1e3m, SingleLetter: true);
        d["m"] = new ScaleWord(1e6m, SingleLetter: true);
        d["b"] = new ScaleWord(1e9m, SingleLetter: true);

        var eur = CurrencyWord.Fixed("EUR");
        var dollar = CurrencyWord.Of(CurrencyFamily.Dollar);
        d["k€"] = new ScaleWord(1e3m, Currency: eur);
        d["m€"] = new ScaleWord(1e6m, Currency: eur);
        d["md€"] = new ScaleWord(1e9m, Currency: eur);
        d["mds€"] = new ScaleWord(1e9m, Currency: eur);
        d["mrd€"] = new ScaleWord(1e9m, Currency: eur);
        d["meur"] = new ScaleWord(1e6m, Currency: eur);
        d["mdeur"] = new ScaleWord(1e9m, Currency: eur);
        d["m$"] = new ScaleWord(1e6m, Currency: dollar);
        d["md$"] = new ScaleWord(1e9m, Currency: dollar);
        d["mds$"] = new ScaleWord(1e9m, Currency: dollar);
        d["mdd"] = new ScaleWord(1e6m, Currency: CurrencyWord.Fixed("USD"));
        d["mmdd"] = new ScaleWord(1e9m, Currency: CurrencyWord.Fixed("USD"));
        d["mdp"] = new ScaleWord(1e6m, Currency: CurrencyWord.Fixed("MXN"));
        d["mmdp"] = new ScaleWord(1e9m, Currency: CurrencyWord.Fixed("MXN"));
        return d;
    }
}
