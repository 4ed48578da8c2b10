using System.Net.Mail;
using Alerts.Core.Api;
using Alerts.Core.Configuration;
using Alerts.Core.Deals;
using Alerts.Core.Delivery;
using Alerts.Core.Security;
using Alerts.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Subscriptions;

/// <summary>Creates, reads and deletes subscriptions (the <c>/api/subscriptions</c> resource), validating every field.</summary>
public sealed partial class SubscriptionService(
    ISubscriptionStore store,
    IDealStore deals,
    AlertDispatcher alerts,
    OutboundRequestGuard guard,
    IOptionsMonitor<AlertsOptions> options,
    TimeProvider clock,
    ILogger<SubscriptionService> logger)
{
    /// <summary>Most tickers or keywords one subscription may list.</summary>
    public const int MaxListLength = 100;

    /// <summary>Longest ticker, keyword or target accepted.</summary>
    public const int MaxTargetLength = 2048;

    public async Task<ApiResult<Subscription>> CreateAsync(CreateSubscriptionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var channel = request.Channel?.Trim().ToLowerInvariant() switch
        {
            "email" => SubscriptionChannel.Email,
            "webhook" => SubscriptionChannel.Webhook,
            null or "" => (SubscriptionChannel?)null,
            _ => null,
        };
        if (channel is null)
        {
            return ApiProblem.Invalid("channel", "The channel must be \"email\" or \"webhook\".");
        }

        var target = request.Target?.Trim();
        if (string.IsNullOrEmpty(target) || target.Length > MaxTargetLength)
        {
            return ApiProblem.Invalid("target", $"The target is required (an e-mail address or webhook URL of at most {MaxTargetLength} characters).");
        }

        if (ValidateTarget(channel.Value, target) is { } targetProblem)
        {
            return targetProblem;
        }

        if (ValidateList("tickers", request.Tickers, IsTicker, "a symbol of 1-32 letters, digits, '.', '_', '-', ':' or spaces") is { } tickersProblem)
        {
            return tickersProblem;
        }

        if (ValidateList("keywords", request.Keywords, k => k.Trim().Length is > 0 and <= 200, "1-200 characters") is { } keywordsProblem)
        {
            return keywordsProblem;
        }

        var mode = request.Mode?.Trim().ToLowerInvariant() switch
        {
            null or "" or "instant" => SubscriptionMode.Instant,
            "hourly" => SubscriptionMode.Hourly,
            "daily" => SubscriptionMode.Daily,
            _ => (SubscriptionMode?)null,
        };
        if (mode is null || (mode != SubscriptionMode.Instant && channel != SubscriptionChannel.Email))
        {
            return ApiProblem.Invalid("mode", "The mode must be \"instant\", \"hourly\" or \"daily\" (digests are for e-mail subscriptions).");
        }

        var subscription = new Subscription
        {
            Id = StableId.NewId(),
            Channel = channel.Value,
            Target = target,
            Tickers = request.Tickers?.Select(t => t.Trim()).ToList() ?? [],
            Keywords = request.Keywords?.Select(k => k.Trim()).ToList() ?? [],
            Created = clock.GetUtcNow(),
            Mode = mode.Value,
            Secret = channel == SubscriptionChannel.Webhook ? WebhookSignature.NewSecret() : null,
        };
        await store.AddAsync(subscription, cancellationToken).ConfigureAwait(false);
        LogCreated(logger, subscription.Id, subscription.Channel);
        await BackfillAsync(subscription, cancellationToken).ConfigureAwait(false);
        return ApiResult<Subscription>.Created(subscription);
    }

    public async Task<ApiResult<Subscription>> GetAsync(string id, CancellationToken cancellationToken)
    {
        var subscription = IsId(id) ? await store.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;
        return subscription is null ? ApiProblem.NotFound("subscription") : ApiResult<Subscription>.Ok(subscription);
    }

    public async Task<IReadOnlyList<Subscription>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<Subscription>();
        await foreach (var subscription in store.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(subscription);
        }

        return list;
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
        return ApiResult<Subscription>.Ok(rotated);
    }

    /// <summary>Deletes the subscription; false when there was none with this id.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        IsId(id) && await store.DeleteAsync(id, cancellationToken).ConfigureAwait(false);

    // Alerts the new subscriber about matching deals from the configured window before its creation.
    private async Task BackfillAsync(Subscription subscription, CancellationToken cancellationToken)
    {
        var window = options.CurrentValue.SubscriptionBackfill;
        if (window <= TimeSpan.Zero)
        {
            return;
        }

        var since = subscription.Created - window;
        foreach (var deal in await deals.ListAsync(null, DealQueries.MaxLimit, cancellationToken).ConfigureAwait(false))
        {
            if (deal.Created >= since && SubscriptionMatcher.Matches(subscription, deal))
            {
                await alerts.QueueAsync(deal, subscription, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private ApiProblem? ValidateTarget(SubscriptionChannel channel, string target)
    {
        if (channel == SubscriptionChannel.Email)
        {
            // CR/LF would allow header injection; MailAddress alone accepts display names, so require the bare address.
            var ok = !target.Any(char.IsControl)
                && MailAddress.TryCreate(target, out var address)
                && address.Address == target
                && address.DisplayName.Length == 0;
            return ok ? null : ApiProblem.Invalid("target", "The target must be a plain e-mail address such as ops@example.com.");
        }

        if (!Uri.TryCreate(target, UriKind.Absolute, out var url))
        {
            return ApiProblem.Invalid("target", "The webhook target must be an absolute http or https URL.");
        }

        return guard.CheckUrl(url) is { } reason ? ApiProblem.Invalid("target", $"The webhook URL {reason}.") : null;
    }

    private static ApiProblem? ValidateList(string field, IReadOnlyList<string>? values, Func<string, bool> isValid, string rule)
    {
        if (values is null)
        {
            return null;
        }

        if (values.Count > MaxListLength)
        {
            return ApiProblem.Invalid(field, $"At most {MaxListLength} {field} are allowed.");
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is null || !isValid(values[i]))
            {
                return ApiProblem.Invalid($"{field}[{i}]", $"Each of {field} must be {rule}.");
            }
        }

        return null;
    }

    private static bool IsTicker(string value)
    {
        var t = value.Trim();
        // The normaliser must accept it too ("NASDAQ:" has no symbol), or the filter could never match.
        return t.Length is >= 1 and <= 32 && t.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or ':' or ' ')
            && Extraction.TickerNormalizer.TryNormalize(t) is not null;
    }

    private static bool IsId(string id) => id.Length is > 0 and <= 64 && id.All(char.IsAsciiLetterOrDigit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Subscription {Id} created ({Channel})")]
    private static partial void LogCreated(ILogger logger, string id, SubscriptionChannel channel);
}
