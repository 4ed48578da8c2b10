using System.Text.Json;

namespace Alerts.Cli.Commands;

/// <summary>
/// Texts for extraction benchmarks, shared by <c>alerts bench extract</c> and bench/Alerts.Benchmarks
/// (which links this file), so both measure the same input.
/// </summary>
internal static class ExtractionSamples
{
    /// <summary>Reads JSON lines with "text" (and optional "lang"), as in the extraction corpus format.</summary>
    public static List<(string Text, string? Language)> Load(string path)
    {
        var articles = new List<(string, string?)>();
        foreach (var line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
            {
                var language = root.TryGetProperty("lang", out var lang) && lang.ValueKind == JsonValueKind.String ? lang.GetString() : null;
                articles.Add((text.GetString()!, language));
            }
        }

        return articles;
    }

    /// <summary>Invented sentences covering the formats the extractor reads, used when no corpus is given.</summary>
    public static List<(string Text, string? Language)> Synthetic() =>
    [
        ("Northwind Traders <NWT.N> agreed to buy Contoso Ltd for $4.25 billion in cash, or $38.50 a share, the companies said on Tuesday.", "en"),
        ("Shares of Fabrikam (NASDAQ: FABK) rose 7% to $112.40 after the 1.2 bln dlr offer; analysts had expected between 1 and 1.5 billion dlrs.", "en"),
        ("Tailspin Toys said fourth quarter profit fell to 12.5 mln stg, or 4.1p a share, from 15 mln stg a year earlier. <TSP.L>", "en"),
        ("The Indian unit will invest Rs 1,250 crore (about $150 million) in a new plant, while 3.2 crore shares change hands.", "en"),
        ("$ACME jumped 4% and $WIDG slipped after the index lost 35 points to 4,512.20; ACME stock is up 20% this year.", "en"),
        ("Litware Inc. LTW, Proseware Corp. PRSW, and Adatum AG <ADTG.DE> led the gains; the group trades as LTW FP in Paris.", "en"),
        ("Le groupe Wingtip rachète son concurrent pour 2,35 milliards d'euros, soit 41,20 € par action (EPA:WTP).", "fr"),
        ("Le chiffre d'affaires atteint 1 234,5 ME au premier semestre, contre 1 180 ME un an plus tôt, et la dette nette recule de -45 M€.", "fr"),
        ("La société versera un dividende de 0,85E par action ; l'opération est valorisée environ 3,2 Md€ (3,7 milliards de dollars).", "fr"),
        ("Die Woodgrove Bank zahlt rund 1,8 Milliarden Euro für den Rivalen; das entspricht 24,50 Euro je Aktie bzw. bis zu 2 Mrd. Euro.", "de"),
        ("Der Umsatz stieg auf 845 Mio. Euro, der Gewinn auf 120,3 Millionen Franken; vier Milliarden Dollar flossen in neue Werke.", "de"),
        ("La compañía pagará unos 2.300 millones de euros por la firma, es decir 15,75 euros por acción, más de 9 mil millones de pesos.", "es"),
        ("Las ventas subieron a 3,652 mdd en el trimestre y la utilidad fue de 1.2 mmdp, con ganancias de 27 centavos de dólar por acción.", "es"),
        ("HK$3.5 billion (US$450 million) changed hands as the Hang Seng rose 1.2% to 18,450.30 points; 0005.HK gained HK$1.25.", "en"),
        ("The yen fell to 152.30 per dollar while the company sold 50 billion yen of bonds ($1 = 152.30 yen) and 700 mln Swiss francs of notes.", "en"),
    ];
}
