namespace Alerts.Core.Deals;

/// <summary>Values an amount in US dollars, so that amounts in any currency compare with a subscription's minimum.</summary>
public interface IUsdValuer
{
    /// <summary>The amount in US dollars, or null when the currency is unknown.</summary>
    decimal? ToUsd(decimal value, string currency);
}

/// <summary>
/// The default <c>Alerts:FxRates</c> table (approximate rates, see docs/extraction.md) without configuration:
/// for tools, tests and benchmarks. The app itself uses the configured <see cref="Extraction.UsdConverter"/>.
/// </summary>
public sealed class ApproximateUsdValuer : IUsdValuer
{
    private static readonly Extraction.UsdConverter Defaults = new(Microsoft.Extensions.Options.Options.Create(new Extraction.FxRateOptions()));

    public decimal? ToUsd(decimal value, string currency) => Defaults.ToUsd(value, currency);

    /// <summary>The largest of the amounts in US dollars, or null when none converts.</summary>
    public static decimal? Largest(IUsdValuer valuer, IEnumerable<Extraction.MoneyAmount> amounts)
    {
        ArgumentNullException.ThrowIfNull(valuer);
        return amounts.Select(a => valuer.ToUsd(a.Value, a.Currency)).Max();
    }
}
