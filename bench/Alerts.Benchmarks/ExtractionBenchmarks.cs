using System.Text;
using System.Text.Json;
using Alerts.Core.Extraction;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;

namespace Alerts.Benchmarks;

/// <summary>
/// Throughput of <see cref="DealExtractor"/> over a whole corpus per operation: MB/s is the corpus size divided by
/// the mean time (the "MB/s" column), allocations per operation divided by the article count give bytes per article.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ExtractionBenchmarks
{
    /// <summary>Environment variable naming the JSON lines corpus; invented sentences are used without it.</summary>
    public const string CorpusVariable = "ALERTS_EXTRACTION_CORPUS";

    private readonly DealExtractor extractor = new();
    private List<(string Text, string? Language)> articles = [];

    /// <summary>UTF-8 size of all article texts, for the MB/s column (computed in the host process too).</summary>
    public static long CorpusBytes => LazyBytes.Value;

    private static readonly Lazy<long> LazyBytes = new(() => Articles().Sum(a => (long)Encoding.UTF8.GetByteCount(a.Text)));

    [GlobalSetup]
    public void Setup() => articles = Articles();

    private static List<(string Text, string? Language)> Articles()
    {
        var path = Environment.GetEnvironmentVariable(CorpusVariable);
        return string.IsNullOrEmpty(path) ? Alerts.Cli.Commands.ExtractionSamples.Synthetic() : Alerts.Cli.Commands.ExtractionSamples.Load(path);
    }

    [Benchmark(Description = "Extract whole corpus")]
    public int ExtractCorpus()
    {
        var found = 0;
        foreach (var (text, language) in articles)
        {
            var result = extractor.Extract(text, language);
            found += result.Amounts.Count + result.Tickers.Count;
        }

        return found;
    }

    [Benchmark(Description = "Extract without language (detection)")]
    public int ExtractCorpusDetectingLanguage()
    {
        var found = 0;
        foreach (var (text, _) in articles)
        {
            found += extractor.Extract(text).Amounts.Count;
        }

        return found;
    }

    /// <summary>Adds an MB/s column computed from the corpus size and the mean time.</summary>
    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new MegabytesPerSecondColumn());
    }

    private sealed class MegabytesPerSecondColumn : IColumn
    {
        public string Id => "MBps";

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "UTF-8 megabytes of article text extracted per second (corpus size / mean)";

        public string GetValue(Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats || CorpusBytes == 0)
            {
                return "-";
            }

            var seconds = stats.Mean / 1e9;
            return (CorpusBytes / 1e6 / seconds).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        }

        public string GetValue(Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkDotNet.Running.BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
