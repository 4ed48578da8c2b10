using Alerts.Core.Api;
using Alerts.Core.Storage;

namespace Alerts.Core.Deals;

/// <summary>Reads deals for the API (<c>GET /api/deals</c>).</summary>
public sealed class DealQueries(IDealStore deals)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public async Task<ApiResult<IReadOnlyList<Deal>>> ListAsync(string? ticker, string? limit, CancellationToken cancellationToken)
    {
        var count = DefaultLimit;
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, out count) || count is < 1 or > MaxLimit))
        {
            return ApiProblem.Invalid("limit", $"The limit must be a whole number from 1 to {MaxLimit}.");
        }

        if (!string.IsNullOrEmpty(ticker) && Extraction.TickerNormalizer.TryNormalize(ticker) is null)
        {
            return ApiProblem.Invalid("ticker", "The ticker must be a symbol such as 9984.T or NASDAQ:GOOGL.");
        }

        var list = await deals.ListAsync(string.IsNullOrEmpty(ticker) ? null : ticker, count, cancellationToken).ConfigureAwait(false);
        return ApiResult<IReadOnlyList<Deal>>.Ok(list);
    }
}
