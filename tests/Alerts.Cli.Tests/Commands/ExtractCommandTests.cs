using System.Text.Json;
using Alerts.Cli.Commands;
using Alerts.Core.Extraction;

namespace Alerts.Cli.Tests.Commands;

public class ExtractCommandTests
{
    [Fact]
    public async Task Writes_one_prediction_line_per_article_in_the_scorer_format()
    {
        var input = new StringReader("{\"id\": \"a1\", \"lang\": \"fr\", \"text\": \"Le groupe paie 2,5 milliards d'euros (EPA:AI).\"}\n");
        var output = new StringWriter();
        var errors = new StringWriter();

        var code = await ExtractCommand.RunAsync(input, output, errors, new DealExtractor(), CancellationToken.None);

        Assert.Equal(0, code);
        using var line = JsonDocument.Parse(output.ToString());
        var root = line.RootElement;
        Assert.Equal("a1", root.GetProperty("id").GetString());
        var amount = Assert.Single(root.GetProperty("amounts").EnumerateArray());
        Assert.Equal(2_500_000_000m, amount.GetProperty("value").GetDecimal());
        Assert.Equal("EUR", amount.GetProperty("currency").GetString());
        var ticker = Assert.Single(root.GetProperty("tickers").EnumerateArray());
        Assert.Equal(("AI", "XPAR"), (ticker.GetProperty("symbol").GetString(), ticker.GetProperty("exchange").GetString()));
        Assert.Empty(errors.ToString());
    }

    [Fact]
    public async Task A_malformed_line_is_reported_with_its_number_and_the_run_goes_on()
    {
        var input = new StringReader("{\"id\": 1, \"text\": \"$5 million\"}\nnot json\n{\"text\": \"no id\"}\n\n{\"id\": \"3\", \"text\": \"$AAPL\"}\n");
        var output = new StringWriter();
        var errors = new StringWriter();

        var code = await ExtractCommand.RunAsync(input, output, errors, new DealExtractor(), CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Equal(2, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("line 2", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("line 3", errors.ToString(), StringComparison.Ordinal);
    }
}
