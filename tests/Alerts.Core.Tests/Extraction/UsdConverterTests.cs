using Alerts.Core.Extraction;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Tests.Extraction;

public class UsdConverterTests
{
    private static MoneyAmount Amount(decimal value, string currency) =>
        new(value, currency, AmountQualifier.Exact, new TextEvidence(0, 1, "x"));

    [Fact]
    public void Converts_with_the_approximate_table()
    {
        var options = new FxRateOptions();
        options.UsdPerUnit["EUR"] = 1.10m;
        var converter = new UsdConverter(Options.Create(options));
        Assert.Equal(110m, converter.ToUsd(Amount(100m, "EUR")));
        Assert.Equal(100m, converter.ToUsd(Amount(100m, "usd")));
    }

    [Fact]
    public void Gives_the_largest_amount_in_usd()
    {
        var converter = new UsdConverter(Options.Create(new FxRateOptions()));
        var largest = converter.LargestInUsd([Amount(3_000_000_000m, "JPY"), Amount(150_000_000m, "EUR"), Amount(1m, "XXX")]);
        Assert.Equal(150_000_000m * new FxRateOptions().UsdPerUnit["EUR"], largest);
    }

    [Fact]
    public void Unknown_currencies_are_not_converted()
    {
        var converter = new UsdConverter(Options.Create(new FxRateOptions()));
        Assert.Null(converter.ToUsd(Amount(5m, "XXX")));
        Assert.Null(converter.LargestInUsd([]));
    }

    [Fact]
    public void A_written_minus_counts_by_its_size()
    {
        var converter = new UsdConverter(Options.Create(new FxRateOptions()));
        Assert.Equal(57_000_000m, converter.LargestInUsd([Amount(-57_000_000m, "USD"), Amount(1_000m, "USD")]));
    }

    [Fact]
    public void Configuration_overrides_and_adds_rates()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Alerts:FxRates:UsdPerUnit:EUR"] = "2",
                ["Alerts:FxRates:UsdPerUnit:XAU"] = "2400",
            })
            .Build();
        var options = new FxRateOptions();
        configuration.GetSection(FxRateOptions.SectionName).Bind(options);
        Assert.Equal(2m, options.UsdPerUnit["EUR"]);
        Assert.Equal(2400m, options.UsdPerUnit["XAU"]);
        Assert.Equal(1m, options.UsdPerUnit["USD"]);
    }
}
