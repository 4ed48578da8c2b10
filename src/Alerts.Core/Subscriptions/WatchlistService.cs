using Alerts.Core.Api;
using Alerts.Core.Extraction;
using Alerts.Core.Storage;
using Alerts.Core.Subscriptions.Matching;

namespace Alerts.Core.Subscriptions;

/// <summary>The <c>/api/watchlists</c> resource: named lists of tickers (stored normalised), companies and keywords.</summary>
public sealed class WatchlistService(IWatchlistStore store, ISubscriptionStore subscriptions, SubscriptionIndexProvider index, TimeProvider clock)
{
    /// <summary>Creates (201) or replaces (200) the watchlist; a stale <paramref name="ifMatch"/> gives 412.</summary>
    public async Task<ApiResult<Watchlist>> PutAsync(string name, PutWatchlistRequest request, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!SubscriptionRules.IsWatchlistName(name))
        {
            return ApiProblem.Invalid("name", $"The watchlist name must be 1-{SubscriptionRules.MaxWatchlistNameLength} letters, digits, '-' or '_'.");
        }

        if ((SubscriptionRules.CheckTickers("tickers", request.Tickers)
            ?? SubscriptionRules.CheckKeywords("companies", request.Companies)
            ?? SubscriptionRules.CheckKeywords("keywords", request.Keywords)) is { } problem)
        {
            return problem;
        }

        var previous = await store.GetAsync(name, cancellationToken).ConfigureAwait(false);
        // If-Match on a watchlist that does not exist names a version that is not current either (RFC 9110).
        var current = previous is null ? null : SubscriptionService.ETagOf(previous.Value);
        if (current is null ? !string.IsNullOrWhiteSpace(ifMatch) : !SubscriptionService.ETagMatches(ifMatch, current))
        {
            return ApiProblem.PreconditionFailed();
        }

        var watchlist = new Watchlist
        {
            Name = name,
            Tickers = (request.Tickers ?? []).Select(t => TickerNormalizer.TryNormalize(t)!.Value.ToString()).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Companies = (request.Companies ?? []).Select(c => c.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Keywords = (request.Keywords ?? []).Select(k => k.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            Updated = clock.GetUtcNow(),
        };
        if (await store.PutAsync(watchlist, previous, cancellationToken).ConfigureAwait(false) != WriteOutcome.Done)
        {
            return ApiProblem.PreconditionFailed(); // Created or changed concurrently since it was read.
        }

        index.Invalidate();
        var result = previous is null ? ApiResult<Watchlist>.Created(watchlist) : ApiResult<Watchlist>.Ok(watchlist);
        return result with { ETag = SubscriptionService.ETagOf(watchlist) };
    }

    public async Task<ApiResult<Watchlist>> GetAsync(string name, CancellationToken cancellationToken)
    {
        var found = SubscriptionRules.IsWatchlistName(name) ? await store.GetAsync(name, cancellationToken).ConfigureAwait(false) : null;
        return found is null
            ? new ApiProblem(404, "Not found", "No watchlist has this name.")
            : ApiResult<Watchlist>.Ok(found.Value) with { ETag = SubscriptionService.ETagOf(found.Value) };
    }

    public async Task<IReadOnlyList<Watchlist>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await store.ListAsync(cancellationToken).ConfigureAwait(false)).OrderBy(w => w.Name, StringComparer.Ordinal)];

    /// <summary>Deletes the watchlist (204); 409 while subscriptions follow it, 412 when <paramref name="ifMatch"/> is stale.</summary>
    public async Task<ApiResult<Watchlist>> DeleteAsync(string name, string? ifMatch, CancellationToken cancellationToken)
    {
        var found = SubscriptionRules.IsWatchlistName(name) ? await store.GetAsync(name, cancellationToken).ConfigureAwait(false) : null;
        if (found is null)
        {
            return new ApiProblem(404, "Not found", "No watchlist has this name.");
        }

        if (!SubscriptionService.ETagMatches(ifMatch, SubscriptionService.ETagOf(found.Value)))
        {
            return ApiProblem.PreconditionFailed();
        }

        if (await subscriptions.IsWatchlistFollowedAsync(name, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblem.Conflict("name", "Subscriptions follow this watchlist; remove it from them first (GET /api/subscriptions?watchlist=).");
        }

        var outcome = await store.DeleteAsync(found, cancellationToken).ConfigureAwait(false);
        index.Invalidate();
        return outcome switch
        {
            WriteOutcome.Done => ApiResult<Watchlist>.NoContent(),
            WriteOutcome.Stale => ApiProblem.PreconditionFailed(),
            _ => new ApiProblem(404, "Not found", "No watchlist has this name."),
        };
    }
}
