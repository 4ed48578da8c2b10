using System.Diagnostics;
using System.Text;
using Alerts.Core.Extraction;

namespace Alerts.Core.Tests.Extraction;

// Alone (no other test classes in parallel): the timed test reads the process's CPU time, which parallel tests would inflate.
[Collection(nameof(SerialTimingCollection))]
public class RobustnessTests
{
    private readonly DealExtractor extractor = new();

    [Fact]
    public void Empty_text_gives_an_empty_result()
    {
        var result = extractor.Extract(string.Empty);
        Assert.Empty(result.Amounts);
        Assert.Empty(result.Tickers);
    }

    [Fact]
    public void Control_characters_and_unpaired_surrogates_give_a_result()
    {
        var text = "\u0000$5\uD800 million\u0007 <AB\uDC00> \uDBFF$AAPL\u0001 12,5\u0085milliards d'\uD83D euros \u001F(NYSE:\uDFFF)";
        var result = extractor.Extract(text, null);
        Assert.NotNull(result);
        Assert.Contains(result.Tickers, t => t.Symbol == "AAPL");
    }

    [Fact]
    public void Text_ending_in_the_middle_of_an_amount_gives_a_result()
    {
        foreach (var text in new[] { "$", "5", "$5.", "5 mil", "12,", "US$", "<", "(", "NYSE:", "1-", "1-1/", "entre 2 et", "$10-", "€.", "5 de" })
        {
            Assert.NotNull(extractor.Extract(text, "es"));
        }
    }

    [Fact]
    public void A_ten_megabyte_text_gives_a_result()
    {
        var sentence = "Contoso <CTSO.N> agreed to pay $4.2 billion, or 38,50 euros a share (NYSE: CTSO), up 5% to 1 234,5 ME; ";
        var builder = new StringBuilder(10 * 1024 * 1024 + sentence.Length);
        while (builder.Length < 10 * 1024 * 1024)
        {
            builder.Append(sentence);
        }

        var result = extractor.Extract(builder.ToString(), "en");
        Assert.True(result.Amounts.Count > 10_000);
        Assert.True(result.Tickers.Count > 10_000);
    }

    [Fact]
    public void A_megabyte_of_digits_commas_dots_and_dollar_signs_is_processed_in_under_a_second()
    {
        var random = new Random(42);
        const string alphabet = "0123456789,.$";
        var text = new string([.. Enumerable.Range(0, 1024 * 1024).Select(_ => alphabet[random.Next(alphabet.Length)])]);
        var adversarial = string.Concat(Enumerable.Repeat("1,2.3$", 1024 * 1024 / 6));
        extractor.Extract("$1.5 billion (NYSE: ABC) <ABC.N> $ABC", "en"); // warm-up outside the timing

        // CPU time rather than wall time: the work is single-threaded, and shared CI machines can be oversubscribed
        // several times over; a backtracking pattern would still take minutes here, not a second.
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var random1 = extractor.Extract(text, "en");
        var repeated = extractor.Extract(adversarial, null);
        watch.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;

        Assert.NotNull(random1);
        Assert.NotNull(repeated);
        Assert.True(cpu < TimeSpan.FromSeconds(1) || watch.Elapsed < TimeSpan.FromSeconds(1), $"took {cpu} of CPU ({watch.Elapsed} wall)");
    }

    [Fact]
    public void Random_text_never_throws()
    {
        var random = new Random(7);
        const string alphabet = "0123456789,.$€£¥ -/()<>:%'’ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz\u00A0\u202F\uD800\uDC00pmbnkMEtsdrl";
        for (var i = 0; i < 2000; i++)
        {
            var length = random.Next(0, 80);
            var text = new string([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            var result = extractor.Extract(text, i % 2 == 0 ? "fr" : null);
            Assert.All(result.Amounts, a => Assert.Equal(a.Evidence.Text, text.Substring(a.Evidence.Start, a.Evidence.Length)));
        }
    }
}

/// <summary>Tests in this collection run with no other tests alongside.</summary>
[CollectionDefinition(nameof(SerialTimingCollection), DisableParallelization = true)]
public sealed class SerialTimingCollection;
