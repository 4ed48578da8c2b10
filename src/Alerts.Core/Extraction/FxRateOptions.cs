namespace Alerts.Core.Extraction;

/// <summary>
/// Approximate exchange rates used to compare deal sizes against thresholds, bound from <c>Alerts:FxRates</c>.
/// </summary>
/// <remarks>
/// These are rough, slowly-updated figures (US dollars per unit of each currency), good enough to tell a
/// $50 million deal from a $5 billion one; they are not for accounting. Configuration adds or overrides entries
/// (<c>Alerts:FxRates:UsdPerUnit:EUR = 1.10</c>); currencies missing from the table are not converted.
/// Legacy currencies (FRF, DEM, ITL ...) appear in archive stories and use their fixed euro conversion rates.
/// </remarks>
public sealed class FxRateOptions
{
    public const string SectionName = "Alerts:FxRates";

    /// <summary>US dollars for one unit of each ISO 4217 currency; defaults are approximate late-2025 values.</summary>
    public Dictionary<string, decimal> UsdPerUnit { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["USD"] = 1m, ["EUR"] = 1.16m, ["GBP"] = 1.32m, ["JPY"] = 0.0065m, ["CHF"] = 1.25m, ["CNY"] = 0.14m, ["HKD"] = 0.128m,
        ["CAD"] = 0.71m, ["AUD"] = 0.65m, ["NZD"] = 0.57m, ["SGD"] = 0.77m, ["TWD"] = 0.032m, ["KRW"] = 0.00068m, ["INR"] = 0.0112m,
        ["PKR"] = 0.0036m, ["SEK"] = 0.105m, ["NOK"] = 0.099m, ["DKK"] = 0.155m, ["ISK"] = 0.0079m, ["PLN"] = 0.27m, ["CZK"] = 0.048m,
        ["HUF"] = 0.003m, ["RON"] = 0.23m, ["RUB"] = 0.0125m, ["TRY"] = 0.024m, ["ZAR"] = 0.057m, ["BRL"] = 0.19m, ["MXN"] = 0.054m,
        ["ARS"] = 0.0007m, ["CLP"] = 0.00106m, ["COP"] = 0.00026m, ["PEN"] = 0.29m, ["ILS"] = 0.30m, ["AED"] = 0.272m, ["SAR"] = 0.267m,
        ["QAR"] = 0.275m, ["KWD"] = 3.26m, ["OMR"] = 2.6m, ["BHD"] = 2.65m, ["EGP"] = 0.021m, ["NGN"] = 0.00069m, ["IDR"] = 0.00006m,
        ["MYR"] = 0.24m, ["THB"] = 0.031m, ["PHP"] = 0.017m, ["VND"] = 0.000038m,
        ["FRF"] = 0.177m, ["DEM"] = 0.593m, ["ITL"] = 0.0006m, ["BEF"] = 0.0288m, ["ESP"] = 0.007m, ["NLG"] = 0.526m,
    };
}
