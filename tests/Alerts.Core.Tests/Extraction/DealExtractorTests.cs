using Alerts.Core.Extraction;

namespace Alerts.Core.Tests.Extraction;

public class DealExtractorTests
{
    private readonly DealExtractor extractor = new();

    [Fact]
    public void Extracts_french_milliards_de_dollars_and_reuters_tickers()
    {
        var result = extractor.Extract("SoftBank (9984.T) pourrait investir jusqu'à 30 milliards de dollars ; Alphabet (GOOGL.O) est cité.", "fr");

        var amount = Assert.Single(result.Amounts);
        Assert.Equal(30_000_000_000m, amount.Value);
        Assert.Equal("USD", amount.Currency);
        Assert.Equal(["9984.T", "GOOGL.O"], result.Tickers.Select(t => t.Symbol));
    }

    [Fact]
    public void Extracts_dollar_billions()
    {
        var amount = Assert.Single(extractor.Extract("The fund raised $2.4 billion on Monday.").Amounts);
        Assert.Equal(2_400_000_000m, amount.Value);
        Assert.Equal("USD", amount.Currency);
    }
}
