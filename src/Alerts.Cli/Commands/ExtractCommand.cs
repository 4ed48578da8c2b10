using System.Buffers;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Alerts.Core.Extraction;

namespace Alerts.Cli.Commands;

/// <summary>
/// <c>alerts extract [FILE|-]</c>: reads JSON lines <c>{"id", "lang"?, "text"}</c> and writes one line of amounts and
/// tickers per article, in the format the corpus scorer reads.
/// </summary>
internal static class ExtractCommand
{
    // Input lines come from other tools: comments, trailing commas and unknown members are tolerated there.
    private static readonly JsonDocumentOptions InputOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    // Letters stay readable in the output; the encoder still escapes quotes and control characters.
    private static readonly JsonWriterOptions OutputOptions = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static Command Create()
    {
        var file = new Argument<string?>("file")
        {
            Description = "JSON lines file to read; '-' or nothing reads standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("extract", "Extract money amounts and tickers from JSON lines {\"id\", \"lang\", \"text\"}.");
        command.Arguments.Add(file);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file);
            var extractor = new DealExtractor();
            if (string.IsNullOrEmpty(path) || path == "-")
            {
                return await RunAsync(Console.In, Console.Out, Console.Error, extractor, cancellationToken).ConfigureAwait(false);
            }

            if (!File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"extract: no such file: {path}").ConfigureAwait(false);
                return 2;
            }

            using var reader = new StreamReader(path, Encoding.UTF8);
            return await RunAsync(reader, Console.Out, Console.Error, extractor, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Processes every line; a malformed line is reported on <paramref name="errors"/> and skipped. Returns 1 when any line was.</summary>
    internal static async Task<int> RunAsync(TextReader input, TextWriter output, TextWriter errors, IDealExtractor extractor, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var lineNumber = 0;
        var failed = 0;
        while (await input.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!TryReadArticle(line, out var id, out var language, out var text, out var problem))
            {
                failed++;
                await errors.WriteLineAsync($"extract: line {lineNumber.ToString(CultureInfo.InvariantCulture)}: {problem}").ConfigureAwait(false);
                continue;
            }

            var result = extractor.Extract(text, language);
            buffer.ResetWrittenCount();
            WriteResult(buffer, id, result);
            await output.WriteLineAsync(Encoding.UTF8.GetString(buffer.WrittenSpan)).ConfigureAwait(false);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return failed == 0 ? 0 : 1;
    }

    private static bool TryReadArticle(string line, out string id, out string? language, out string text, out string problem)
    {
        id = string.Empty;
        language = null;
        text = string.Empty;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line, InputOptions);
        }
        catch (JsonException e)
        {
            problem = $"not JSON ({e.Message})";
            return false;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "expected a JSON object";
                return false;
            }

            if (!root.TryGetProperty("id", out var idElement) || idElement.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                problem = "missing \"id\" (string or number)";
                return false;
            }

            if (!root.TryGetProperty("text", out var textElement) || textElement.ValueKind != JsonValueKind.String)
            {
                problem = "missing \"text\" (string)";
                return false;
            }

            id = idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : idElement.GetRawText();
            text = textElement.GetString()!;
            if (root.TryGetProperty("lang", out var langElement) && langElement.ValueKind == JsonValueKind.String)
            {
                language = langElement.GetString();
            }

            problem = string.Empty;
            return true;
        }
    }

    private static void WriteResult(IBufferWriter<byte> buffer, string id, ExtractionResult result)
    {
        using var writer = new Utf8JsonWriter(buffer, OutputOptions);
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteString("lang", result.Language);
        writer.WriteStartArray("amounts");
        foreach (var amount in result.Amounts)
        {
            writer.WriteStartObject();
            writer.WriteNumber("value", amount.Value);
            writer.WriteString("currency", amount.Currency);
            writer.WriteString("text", amount.Evidence.Text);
            writer.WriteNumber("start", amount.Evidence.Start);
            writer.WriteString("qualifier", QualifierName(amount.Qualifier));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("tickers");
        foreach (var ticker in result.Tickers)
        {
            writer.WriteStartObject();
            writer.WriteString("symbol", ticker.Symbol);
            if (ticker.Exchange is null)
            {
                writer.WriteNull("exchange");
            }
            else
            {
                writer.WriteString("exchange", ticker.Exchange);
            }

            writer.WriteString("text", ticker.Evidence.Text);
            writer.WriteNumber("start", ticker.Evidence.Start);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string QualifierName(AmountQualifier qualifier) => qualifier switch
    {
        AmountQualifier.Approximate => "approximate",
        AmountQualifier.UpperBound => "upperBound",
        AmountQualifier.LowerBound => "lowerBound",
        _ => "exact",
    };
}
