using System.Collections.Frozen;

namespace Alerts.Core.Deals;

/// <summary>Values an amount in US dollars, so that amounts in any currency compare with a subscription's minimum.</summary>
public interface IUsdValuer
{
    /// <summary>The amount in US dollars, or null when the currency is unknown.</summary>
    decimal? ToUsd(decimal value, string currency);
}

/// <summary>
/// A built-in table of approximate rates (late 2026, rounded): good enough to rank deals by size and to apply
/// "at least $100 million" thresholds, not for accounting. A live converter can replace it through
/// <see cref="IUsdValuer"/> without touching matching.
/// </summary>
public sealed class ApproximateUsdValuer : IUsdValuer
{
    private static readonly FrozenDictionary<string, decimal> UsdPerUnit = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["USD"] = 1m, ["EUR"] = 1.08m, ["GBP"] = 1.27m, ["JPY"] = 0.0067m, ["CHF"] = 1.13m, ["CNY"] = 0.138m,
        ["HKD"] = 0.128m, ["CAD"] = 0.73m, ["AUD"] = 0.65m, ["NZD"] = 0.59m, ["SEK"] = 0.094m, ["NOK"] = 0.092m,
        ["DKK"] = 0.145m, ["INR"] = 0.012m, ["KRW"] = 0.00072m, ["SGD"] = 0.74m, ["BRL"] = 0.18m, ["MXN"] = 0.055m,
        ["ZAR"] = 0.055m, ["RUB"] = 0.011m, ["TRY"] = 0.029m, ["PLN"] = 0.25m, ["CZK"] = 0.043m, ["HUF"] = 0.0027m,
        ["ILS"] = 0.27m, ["AED"] = 0.2723m, ["SAR"] = 0.2667m, ["TWD"] = 0.031m, ["THB"] = 0.028m, ["IDR"] = 0.000063m,
        ["MYR"] = 0.22m, ["PHP"] = 0.017m, ["CLP"] = 0.00105m, ["COP"] = 0.00025m, ["ARS"] = 0.001m, ["EGP"] = 0.02m,
        ["NGN"] = 0.00065m, ["KWD"] = 3.25m, ["QAR"] = 0.2747m, ["BHD"] = 2.65m,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public decimal? ToUsd(decimal value, string currency)
    {
        if (currency is null || !UsdPerUnit.TryGetValue(currency, out var rate))
        {
            return null;
        }

        try
        {
            return decimal.Round(value * rate, 2);
        }
        catch (OverflowException)
        {
            return null; // Beyond decimal: no real deal, so no threshold can be met by it.
        }
    }

    /// <summary>The largest of the amounts in US dollars, or null when none converts.</summary>
    public static decimal? Largest(IUsdValuer valuer, IEnumerable<Extraction.MoneyAmount> amounts)
    {
        ArgumentNullException.ThrowIfNull(valuer);
        return amounts.Select(a => valuer.ToUsd(a.Value, a.Currency)).Max();
    }
}
