using System.Text;
using System.Text.Json;
using Alerts.Cli.Commands;

namespace Alerts.Cli.Tests.Commands;

public sealed class FeedCommandTests : IDisposable
{
    private readonly string _file = Path.GetTempFileName();

    public void Dispose() => File.Delete(_file);

    [Fact]
    public void Prints_the_parsed_feed_as_json_with_utc_iso_dates()
    {
        File.WriteAllText(_file, """
            <rss version="2.0"><channel><title>Desk</title><link>https://news.test/</link>
            <item><title>Deal</title><link>https://news.test/1</link><guid>g1</guid><description>Text</description>
            <pubDate>Tue, 03 Mar 2026 10:30:00 +0100</pubDate></item></channel></rss>
            """);
        using var output = new MemoryStream();
        using var error = new StringWriter();

        var exitCode = FeedCommand.Parse(new FileInfo(_file), null, output, error);

        Assert.Equal(0, exitCode);
        using var json = JsonDocument.Parse(output.ToArray());
        Assert.Equal("Desk", json.RootElement.GetProperty("title").GetString());
        var entry = Assert.Single(json.RootElement.GetProperty("entries").EnumerateArray().ToList());
        Assert.Equal("g1", entry.GetProperty("id").GetString());
        Assert.Equal("https://news.test/1", entry.GetProperty("link").GetString());
        Assert.Equal("2026-03-03T09:30:00Z", entry.GetProperty("published").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("updated").ValueKind);
    }

    [Fact]
    public void Uses_the_content_type_charset_to_decode()
    {
        File.WriteAllBytes(_file, Encoding.Latin1.GetBytes("<rss><channel><title>Soci\u00e9t\u00e9</title></channel></rss>"));
        using var output = new MemoryStream();

        Assert.Equal(0, FeedCommand.Parse(new FileInfo(_file), "application/rss+xml; charset=iso-8859-1", output, TextWriter.Null));

        using var json = JsonDocument.Parse(output.ToArray());
        Assert.Equal("Soci\u00e9t\u00e9", json.RootElement.GetProperty("title").GetString());
    }

    [Fact]
    public void Exits_non_zero_with_the_reason_on_stderr_when_the_document_is_refused()
    {
        File.WriteAllText(_file, "<html><body>no feed here</body></html>");
        using var output = new MemoryStream();
        using var error = new StringWriter();

        var exitCode = FeedCommand.Parse(new FileInfo(_file), null, output, error);

        Assert.Equal(1, exitCode);
        Assert.Equal(0, output.Length);
        Assert.Contains("Not a feed", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Exits_with_2_when_the_file_cannot_be_read()
    {
        using var error = new StringWriter();

        Assert.Equal(2, FeedCommand.Parse(new FileInfo(_file + ".missing"), null, Stream.Null, error));
        Assert.Contains("cannot read", error.ToString(), StringComparison.Ordinal);
    }
}
