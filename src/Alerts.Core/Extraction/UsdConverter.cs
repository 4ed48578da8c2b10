using Microsoft.Extensions.Options;

namespace Alerts.Core.Extraction;

/// <summary>Converts extracted amounts to approximate US dollars with the <see cref="FxRateOptions"/> table, for thresholds.</summary>
public sealed class UsdConverter(IOptions<FxRateOptions> options) : Deals.IUsdValuer
{
    private readonly Dictionary<string, decimal> rates = options.Value.UsdPerUnit;

    /// <summary>The amount in US dollars, or null when its currency is not in the table.</summary>
    public decimal? ToUsd(MoneyAmount amount)
    {
        ArgumentNullException.ThrowIfNull(amount);
        return ToUsd(amount.Value, amount.Currency);
    }

    /// <summary>The value in US dollars, or null when the currency is not in the table.</summary>
    public decimal? ToUsd(decimal value, string currency)
    {
        if (currency is null || !rates.TryGetValue(currency, out var rate))
        {
            return null;
        }

        var magnitude = Math.Abs(value);
        return rate > 1 && magnitude > decimal.MaxValue / rate ? decimal.MaxValue : magnitude * rate;
    }

    /// <summary>
    /// The largest of the amounts in US dollars (losses written with a minus count by their size), or null when none
    /// can be converted.
    /// </summary>
    public decimal? LargestInUsd(IEnumerable<MoneyAmount> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        decimal? largest = null;
        foreach (var amount in amounts)
        {
            if (ToUsd(amount) is { } usd && (largest is null || usd > largest))
            {
                largest = usd;
            }
        }

        return largest;
    }
}
