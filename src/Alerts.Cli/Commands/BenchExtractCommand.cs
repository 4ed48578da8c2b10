using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Alerts.Core.Extraction;

namespace Alerts.Cli.Commands;

/// <summary><c>alerts bench extract [--corpus FILE]</c>: MB/s and bytes allocated per article of the deal extractor on one core.</summary>
internal static class BenchExtractCommand
{
    public static Command Create()
    {
        var corpus = new Option<string?>("--corpus") { Description = "JSON lines file with a \"text\" (and optional \"lang\") per line; built-in sentences when omitted." };
        var seconds = new Option<double>("--seconds") { Description = "How long to measure.", DefaultValueFactory = _ => 3 };
        var command = new Command("extract", "Measure the extractor: MB/s (UTF-8 input) and bytes allocated per article.");
        command.Options.Add(corpus);
        command.Options.Add(seconds);
        command.SetAction(parseResult =>
        {
            var path = parseResult.GetValue(corpus);
            if (path is not null && !File.Exists(path))
            {
                Console.Error.WriteLine($"bench extract: no such file: {path}");
                return 2;
            }

            var articles = path is null ? SyntheticArticles() : LoadCorpus(path);
            var report = Measure(articles, TimeSpan.FromSeconds(Math.Clamp(parseResult.GetValue(seconds), 0.1, 600)), path is null ? "built-in sentences" : Path.GetFileName(path));
            Console.WriteLine(report.ToString());
            return 0;
        });
        return command;
    }

    /// <summary>What one run measured.</summary>
    /// <remarks>
    /// MB/s is wall-clock; MB per CPU-second divides by the process's CPU time instead, which is what one core
    /// achieves when the machine is shared (the work runs on this one thread).
    /// </remarks>
    internal sealed record Report(string Source, int Articles, long Bytes, int Passes, double MegabytesPerSecond, double MegabytesPerCpuSecond, double BytesAllocatedPerArticle)
    {
        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"extract: {Source}: {Articles} articles, {Bytes} bytes, {Passes} passes; {MegabytesPerSecond:F1} MB/s wall, {MegabytesPerCpuSecond:F1} MB/s per CPU-second; {BytesAllocatedPerArticle:F0} bytes allocated/article");
    }

    /// <summary>Runs the extractor over the articles repeatedly on this thread for about <paramref name="duration"/>.</summary>
    internal static Report Measure(IReadOnlyList<(string Text, string? Language)> articles, TimeSpan duration, string source = "corpus")
    {
        var extractor = new DealExtractor();
        long bytes = 0;
        foreach (var (text, _) in articles)
        {
            bytes += Encoding.UTF8.GetByteCount(text);
        }

        // Warm-up long enough for tiered JIT to reach optimised code (on a busy machine that takes a while).
        var warmup = Stopwatch.StartNew();
        for (var pass = 0; pass < 50 || warmup.Elapsed < TimeSpan.FromSeconds(2); pass++)
        {
            RunPass(extractor, articles);
        }

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var passes = 0;
        do
        {
            RunPass(extractor, articles);
            passes++;
        }
        while (watch.Elapsed < duration);

        watch.Stop();
        process.Refresh();
        var cpuSeconds = Math.Max((process.TotalProcessorTime - cpuBefore).TotalSeconds, 1e-9);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var megabytes = bytes * (double)passes / 1_000_000d;
        var perArticle = articles.Count == 0 ? 0 : allocated / (double)(articles.Count * (long)passes);
        return new Report(source, articles.Count, bytes, passes, megabytes / watch.Elapsed.TotalSeconds, megabytes / cpuSeconds, perArticle);
    }

    private static int RunPass(DealExtractor extractor, IReadOnlyList<(string Text, string? Language)> articles)
    {
        var found = 0;
        foreach (var (text, language) in articles)
        {
            var result = extractor.Extract(text, language);
            found += result.Amounts.Count + result.Tickers.Count;
        }

        return found;
    }

    private static List<(string Text, string? Language)> LoadCorpus(string path)
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
    internal static List<(string Text, string? Language)> SyntheticArticles() =>
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
