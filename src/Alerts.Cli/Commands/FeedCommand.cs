using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Alerts.Core.Feeds;
using Alerts.Core.Feeds.Parsing;

namespace Alerts.Cli.Commands;

/// <summary><c>alerts feed parse</c>: runs the feed parser on a file and prints what it read, for debugging feeds.</summary>
internal static class FeedCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "The feed document (RSS, Atom or JSON Feed)." };
        var contentType = new Option<string?>("--content-type")
        {
            Description = "The HTTP Content-Type the document was served with; its charset wins over the XML declaration.",
        };

        var parse = new Command("parse", "Parse a feed file and print it as JSON (dates in ISO 8601 UTC); exits 1 with the reason when refused.");
        parse.Arguments.Add(file);
        parse.Options.Add(contentType);
        parse.SetAction(result => Parse(result.GetValue(file)!, result.GetValue(contentType), Console.OpenStandardOutput(), Console.Error));

        var command = new Command("feed", "Feed tools.");
        command.Subcommands.Add(parse);
        return command;
    }

    // No host is built here: the command is launched once per file by the corpus gate, so start-up time counts.
    internal static int Parse(FileInfo file, string? contentType, Stream output, TextWriter error)
    {
        ParsedFeed feed;
        try
        {
            using var stream = file.OpenRead();
            feed = new FeedParser().Parse(stream, new FeedParseContext(contentType));
        }
        catch (FeedFormatException ex)
        {
            error.WriteLine(ex.Message);
            return 1;
        }
        catch (IOException ex)
        {
            error.WriteLine($"cannot read {file.FullName}: {ex.Message}");
            return 2;
        }
        catch (UnauthorizedAccessException ex)
        {
            error.WriteLine($"cannot read {file.FullName}: {ex.Message}");
            return 2;
        }

        Write(feed, output);
        return 0;
    }

    private static void Write(ParsedFeed feed, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("title", feed.Title);
        json.WriteString("link", feed.Link);
        json.WriteString("language", feed.Language);
        json.WriteStartArray("entries");
        foreach (var entry in feed.Entries)
        {
            json.WriteStartObject();
            json.WriteString("id", entry.Id);
            json.WriteString("title", entry.Title);
            json.WriteString("link", entry.Link);
            json.WriteString("summary", entry.Summary);
            json.WriteString("content", entry.Content);
            json.WriteString("published", Iso(entry.Published));
            json.WriteString("updated", Iso(entry.Updated));
            json.WriteString("language", entry.Language);
            WriteList(json, "authors", entry.Authors);
            WriteList(json, "categories", entry.Categories);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
        output.Flush();
    }

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static string? Iso(DateTimeOffset? date) =>
        date?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
