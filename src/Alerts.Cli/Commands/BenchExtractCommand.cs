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

            var articles = path is null ? ExtractionSamples.Synthetic() : ExtractionSamples.Load(path);
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
}
