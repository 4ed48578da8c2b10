using System.Text.Json;
using Alerts.Core.Api;
using Alerts.Core.Delivery;
using Alerts.Core.Configuration;
using Alerts.Core.Deals;
using Alerts.Core.Security;
using Alerts.Core.Storage;
using Alerts.Core.Subscriptions.Matching;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Subscriptions;

/// <summary>Creates, lists, reads, updates and deletes subscriptions (the <c>/api/subscriptions</c> resource), validating every field.</summary>
public sealed partial class SubscriptionService(
    ISubscriptionStore store,
    IWatchlistStore watchlists,
    IDealStore deals,
    AlertDispatcher alerts,
    OutboundRequestGuard guard,
    SubscriptionIndexProvider index,
    IUsdValuer valuer,
    IOptionsMonitor<AlertsOptions> options,
    TimeProvider clock,
    ILogger<SubscriptionService> logger)
{
    /// <summary>Most tickers or keywords one subscription may list.</summary>
    public const int MaxListLength = SubscriptionRules.MaxListLength;

    /// <summary>Longest target accepted.</summary>
    public const int MaxTargetLength = SubscriptionRules.MaxTargetLength;

    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    private const string ListName = "subscriptions";

    public async Task<ApiResult<Subscription>> CreateAsync(CreateSubscriptionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var channel = request.Channel switch
        {
            "email" => SubscriptionChannel.Email,
            "webhook" => SubscriptionChannel.Webhook,
            _ => (SubscriptionChannel?)null,
        };
        if (channel is null)
        {
            return ApiProblem.Invalid("channel", "The channel must be \"email\" or \"webhook\".");
        }

        var draft = new Subscription { Id = StableId.NewId(), Channel = channel.Value, Target = request.Target ?? string.Empty, Created = clock.GetUtcNow() };
        var checkedResult = await ApplyAsync(draft, request.Target, request.Tickers, request.Keywords, request.Watchlists, request.MinAmount, request.Languages, null, cancellationToken).ConfigureAwait(false);
        if (checkedResult.Problem is { } problem)
        {
            return problem;
        }

        var mode = request.Mode switch
        {
            null or "instant" => SubscriptionMode.Instant,
            "hourly" => SubscriptionMode.Hourly,
            "daily" => SubscriptionMode.Daily,
            _ => (SubscriptionMode?)null,
        };
        if (mode is null || (mode != SubscriptionMode.Instant && channel != SubscriptionChannel.Email))
        {
            return ApiProblem.Invalid("mode", "The mode must be \"instant\", \"hourly\" or \"daily\" (digests are for e-mail subscriptions).");
        }

        // The webhook signing secret is returned in the 201 only (the API projects it away everywhere else).
        var subscription = checkedResult.Value! with
        {
            Mode = mode.Value,
            Secret = channel == SubscriptionChannel.Webhook ? WebhookSignature.NewSecret() : null,
        };
        await store.AddAsync(subscription, cancellationToken).ConfigureAwait(false);
        index.Invalidate();
        LogCreated(logger, subscription.Id, subscription.Channel);
        await BackfillAsync(subscription, cancellationToken).ConfigureAwait(false);
        return ApiResult<Subscription>.Created(subscription) with { ETag = ETagOf(subscription) };
    }

    public async Task<ApiResult<Subscription>> GetAsync(string id, CancellationToken cancellationToken)
    {
        var subscription = IsId(id) ? await store.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
        return subscription is null ? ApiProblem.NotFound("subscription") : ApiResult<Subscription>.Ok(subscription) with { ETag = ETagOf(subscription) };
    }

    /// <summary>Issues a new webhook signing secret; the old one stops working at once.</summary>
    public async Task<ApiResult<Subscription>> RotateSecretAsync(string id, CancellationToken cancellationToken)
    {
        var found = await GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (found.Value is not { } subscription)
        {
            return found;
        }

        if (subscription.Channel != SubscriptionChannel.Webhook)
        {
            return ApiProblem.Invalid("channel", "Only webhook subscriptions have a signing secret.");
        }

        var rotated = subscription with { Secret = WebhookSignature.NewSecret() };
        await store.UpdateAsync(rotated, cancellationToken).ConfigureAwait(false);
        index.Invalidate();
        return ApiResult<Subscription>.Ok(rotated);
    }

    /// <summary>Every subscription (no paging), for tools and tests; the API uses <see cref="ListPageAsync"/>.</summary>
    public async Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<Subscription>();
        await foreach (var subscription in store.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(subscription);
        }

        return list;
    }

    /// <summary><c>GET /api/subscriptions?watchlist=&amp;cursor=&amp;limit=</c>: one page in id order.</summary>
    public async Task<ApiResult<Page<Subscription>>> ListPageAsync(string? watchlist, string? cursor, string? limit, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(watchlist) && !SubscriptionRules.IsWatchlistName(watchlist))
        {
            return ApiProblem.Invalid("watchlist", "The watchlist must be a name of 1-64 letters, digits, '-' or '_'.");
        }

        var count = PageCursor.Limit(limit, DefaultPageSize, MaxPageSize);
        if (count.Problem is { } limitProblem)
        {
            return limitProblem;
        }

        var list = string.IsNullOrEmpty(watchlist) ? ListName : $"{ListName}/{watchlist}";
        var after = PageCursor.Decode(list, cursor);
        if (after.Problem is { } cursorProblem)
        {
            return cursorProblem;
        }

        var page = await store.ListPageAsync(string.IsNullOrEmpty(watchlist) ? null : watchlist, after.Value, count.Value, cancellationToken).ConfigureAwait(false);
        return ApiResult<Page<Subscription>>.Ok(new Page<Subscription>(page.Items, page.After is null ? null : PageCursor.Encode(list, page.After)));
    }

    /// <summary><c>PATCH</c>: the members present replace the stored ones; a stale <paramref name="ifMatch"/> gives 412.</summary>
    public async Task<ApiResult<Subscription>> UpdateAsync(string id, UpdateSubscriptionRequest request, string? ifMatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var previous = IsId(id) ? await store.GetVersionedAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (previous is null)
        {
            return ApiProblem.NotFound("subscription");
        }

        if (!ETagMatches(ifMatch, ETagOf(previous.Value)))
        {
            return ApiProblem.PreconditionFailed();
        }

        var checkedResult = await ApplyAsync(previous.Value, request.Target, request.Tickers, request.Keywords, request.Watchlists, request.MinAmount, request.Languages, request.Enabled, cancellationToken).ConfigureAwait(false);
        if (checkedResult.Problem is { } problem)
        {
            return problem;
        }

        var updated = checkedResult.Value!;
        switch (await store.ReplaceAsync(updated, previous, cancellationToken).ConfigureAwait(false))
        {
            case WriteOutcome.NotFound:
                return ApiProblem.NotFound("subscription");
            case WriteOutcome.Stale:
                return ApiProblem.PreconditionFailed();
        }

        index.Invalidate();
        return ApiResult<Subscription>.Ok(updated) with { ETag = ETagOf(updated) };
    }

    /// <summary>Deletes the subscription (204); 404 when unknown, 412 when <paramref name="ifMatch"/> is stale.</summary>
    public async Task<ApiResult<Subscription>> DeleteAsync(string id, string? ifMatch, CancellationToken cancellationToken)
    {
        var previous = IsId(id) ? await store.GetVersionedAsync(id, cancellationToken).ConfigureAwait(false) : null;
        if (previous is null)
        {
            return ApiProblem.NotFound("subscription");
        }

        if (!ETagMatches(ifMatch, ETagOf(previous.Value)))
        {
            return ApiProblem.PreconditionFailed();
        }

        var outcome = await store.DeleteAsync(previous, cancellationToken).ConfigureAwait(false);
        index.Invalidate();
        return outcome switch
        {
            WriteOutcome.Done => ApiResult<Subscription>.NoContent(),
            WriteOutcome.Stale => ApiProblem.PreconditionFailed(),
            _ => ApiProblem.NotFound("subscription"),
        };
    }

    /// <summary>Deletes the subscription; false when there was none with this id.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        (await DeleteAsync(id, null, cancellationToken).ConfigureAwait(false)).IsSuccess;

    /// <summary>A strong entity tag of the subscription's content: it changes with every change a client can see.</summary>
    public static string ETagOf<T>(T resource) => $"\"{StableId.From(JsonSerializer.Serialize(resource, AlertsJson.Options))}\"";

    /// <summary>True when there is no If-Match, it is "*", or one of its tags is <paramref name="current"/>.</summary>
    public static bool ETagMatches(string? ifMatch, string current)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return true;
        }

        return ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(tag => tag == "*" || string.Equals(tag, current, StringComparison.Ordinal));
    }

    internal static bool IsId(string id) => id.Length is > 0 and <= 64 && id.All(char.IsAsciiLetterOrDigit);

    // Validates the members given and applies them to the subscription; nothing is stored here.
    private async Task<ApiResult<Subscription>> ApplyAsync(
        Subscription subscription,
        string? target,
        IReadOnlyList<string>? tickers,
        IReadOnlyList<string>? keywords,
        IReadOnlyList<string>? watchlistNames,
        MoneyRequest? minAmount,
        IReadOnlyList<string>? languages,
        bool? enabled,
        CancellationToken cancellationToken)
    {
        if ((target is not null || subscription.Target.Length == 0) && SubscriptionRules.CheckTarget(subscription.Channel, target, guard) is { } targetProblem)
        {
            return targetProblem;
        }

        if ((SubscriptionRules.CheckTickers("tickers", tickers)
            ?? SubscriptionRules.CheckKeywords("keywords", keywords)
            ?? SubscriptionRules.CheckWatchlistNames(watchlistNames)
            ?? SubscriptionRules.CheckLanguages(languages)) is { } listProblem)
        {
            return listProblem;
        }

        Money? min = subscription.MinAmount;
        if (minAmount is not null)
        {
            var money = SubscriptionRules.CheckMoney(minAmount);
            if (money.Problem is { } moneyProblem)
            {
                return moneyProblem;
            }

            min = money.Value;
        }

        if (watchlistNames is { Count: > 0 })
        {
            var known = (await watchlists.ListAsync(cancellationToken).ConfigureAwait(false)).Select(w => w.Name).ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < watchlistNames.Count; i++)
            {
                if (!known.Contains(watchlistNames[i]))
                {
                    return ApiProblem.Invalid($"watchlists[{i}]", $"There is no watchlist named '{watchlistNames[i]}'; create it with PUT /api/watchlists/{{name}} first.");
                }
            }
        }

        return ApiResult<Subscription>.Ok(subscription with
        {
            Target = target ?? subscription.Target,
            Tickers = tickers?.Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? subscription.Tickers,
            Keywords = keywords?.Select(k => k.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).ToList() ?? subscription.Keywords,
            Watchlists = watchlistNames?.Distinct(StringComparer.Ordinal).ToList() ?? subscription.Watchlists,
            MinAmount = min,
            Languages = languages?.Distinct(StringComparer.Ordinal).ToList() ?? subscription.Languages,
            Enabled = enabled ?? subscription.Enabled,
            DisabledReason = enabled switch
            {
                true => null,
                false => "Paused through the API.",
                null => subscription.DisabledReason,
            },
        });
    }

    // Alerts the new subscriber about matching deals from the configured window before its creation.
    private async Task BackfillAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        var window = options.CurrentValue.SubscriptionBackfill;
        if (window <= TimeSpan.Zero)
        {
            return;
        }

        var context = new MatchContext((await watchlists.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(w => w.Name, StringComparer.Ordinal), valuer);
        var since = subscription.Created - window;
        var recent = await deals.ListPageAsync(new DealFilter(Since: since), null, DealQueries.MaxLimit, cancellationToken).ConfigureAwait(false);
        foreach (var deal in recent.Items)
        {
            if (SubscriptionMatcher.Matches(subscription, deal, context)
                && await alerts.QueueAsync(deal, subscription, cancellationToken).ConfigureAwait(false))
            {
                await deals.AddAlertCountAsync(deal.Id, 1, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {Id} created ({Channel})")]
    private static partial void LogCreated(ILogger logger, string id, SubscriptionChannel channel);
}
