using System.Globalization;
using Alerts.Core.Api;
using Alerts.Core.Extraction;
using Alerts.Core.Storage;

namespace Alerts.Core.Deals;

/// <summary>A deal as the API shows it: amounts, tickers, largest amount in USD, where it came from and how many alerts it caused.</summary>
public sealed record DealResource(
    string Id,
    string Title,
    string? Summary,
    DateTimeOffset? Published,
    string? Language,
    IReadOnlyList<MoneyAmount> Amounts,
    IReadOnlyList<TickerMention> Tickers,
    decimal? LargestUsd,
    IReadOnlyList<DealSource> Sources,
    DateTimeOffset Created)
{
    /// <summary>Alerts queued for this deal (one per matching subscription); only on <c>GET /api/deals/{id}</c>.</summary>
    public int? AlertsQueued { get; init; }

    public static DealResource From(Deal deal)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return new(deal.Id, deal.Title, deal.Summary, deal.Published, deal.Language, deal.Amounts, deal.Tickers, deal.LargestUsd,
            deal.Sources.Count > 0 ? deal.Sources : [new DealSource(deal.FeedId, deal.Link) { ItemId = deal.ItemId }], deal.Created);
    }
}

/// <summary>Reads deals for the API (<c>GET /api/deals</c>, <c>GET /api/deals/{id}</c>).</summary>
public sealed class DealQueries(IDealStore deals)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    private const string ListName = "deals";

    /// <summary>Newest first: optionally naming a ticker (any notation), created at or after <paramref name="since"/>, worth at least <paramref name="minUsd"/>.</summary>
    public async Task<ApiResult<Page<DealResource>>> ListAsync(string? ticker, string? since, string? minUsd, string? cursor, string? limit, CancellationToken cancellationToken)
    {
        var count = PageCursor.Limit(limit, DefaultLimit, MaxLimit);
        if (count.Problem is { } limitProblem)
        {
            return limitProblem;
        }

        TickerKey? key = null;
        if (!string.IsNullOrEmpty(ticker))
        {
            if (!Subscriptions.SubscriptionRules.IsTicker(ticker))
            {
                return ApiProblem.Invalid("ticker", "The ticker must be a symbol such as 9984.T or NASDAQ:GOOGL.");
            }

            key = TickerNormalizer.TryNormalize(ticker);
        }

        DateTimeOffset? from = null;
        if (!string.IsNullOrEmpty(since))
        {
            if (!TryParseIso8601(since, out var parsed))
            {
                return ApiProblem.Invalid("since", "Since must be an ISO 8601 date or time, such as 2026-11-26T06:00:00Z.");
            }

            from = parsed;
        }

        decimal? min = null;
        if (!string.IsNullOrEmpty(minUsd))
        {
            if (!decimal.TryParse(minUsd, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) || parsed > Subscriptions.SubscriptionRules.MaxAmount)
            {
                return ApiProblem.Invalid("minUsd", "MinUsd must be a non-negative number such as 100000000.");
            }

            min = parsed;
        }

        // The cursor is bound to the filter, so it cannot resume a different query at a meaningless position.
        var list = string.Join('|', ListName, key?.ToString(), from?.UtcTicks.ToString(CultureInfo.InvariantCulture), min?.ToString(CultureInfo.InvariantCulture));
        var after = PageCursor.Decode(list, cursor);
        if (after.Problem is { } cursorProblem)
        {
            return cursorProblem;
        }

        var page = await deals.ListPageAsync(new DealFilter(key, from, min), after.Value, count.Value, cancellationToken).ConfigureAwait(false);
        return ApiResult<Page<DealResource>>.Ok(new Page<DealResource>(
            [.. page.Items.Select(DealResource.From)],
            page.After is null ? null : PageCursor.Encode(list, page.After)));
    }

    public async Task<ApiResult<DealResource>> GetAsync(string id, CancellationToken cancellationToken)
    {
        var deal = id.Length is > 0 and <= 64 && id.All(char.IsAsciiLetterOrDigit) ? await deals.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (deal is null)
        {
            return ApiProblem.NotFound("deal");
        }

        var alerts = await deals.GetAlertCountAsync(deal.Id, cancellationToken).ConfigureAwait(false);
        return ApiResult<DealResource>.Ok(DealResource.From(deal) with { AlertsQueued = alerts });
    }

    // ISO 8601 as documented, and nothing else .NET would parse ("26 November 2026", "11/26/2026" reads differently
    // per culture): a date, optionally a time to the second or fraction, optionally Z or an offset (UTC without).
    private static readonly string[] Iso8601Formats =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    private static bool TryParseIso8601(string value, out DateTimeOffset parsed) =>
        DateTimeOffset.TryParseExact(value, Iso8601Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out parsed);
}
