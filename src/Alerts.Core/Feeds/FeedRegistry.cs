using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alerts.Core.Api;
using Alerts.Core.Configuration;
using Alerts.Core.Security;
using Alerts.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Feeds;

/// <summary>Registers, lists, reads, changes and removes feeds (the <c>/api/feeds</c> resource).</summary>
public sealed partial class FeedRegistry(
    IFeedStore feeds,
    IMessageQueue queue,
    OutboundRequestGuard guard,
    TimeProvider clock,
    IOptionsMonitor<FeedOptions> options,
    ILogger<FeedRegistry> logger)
{
    public const int MaxNameLength = 200;

    private TimeSpan DefaultInterval => options.CurrentValue.DefaultInterval;

    public async Task<ApiResult<FeedResource>> RegisterAsync(RegisterFeedRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Url))
        {
            return ApiProblem.Invalid("url", "The feed URL is required.");
        }

        if (request.Url.Length > 2048 || !Uri.TryCreate(request.Url.Trim(), UriKind.Absolute, out var url))
        {
            return ApiProblem.Invalid("url", "The feed URL must be an absolute http or https URL of at most 2048 characters.");
        }

        if (guard.CheckUrl(url) is { } reason)
        {
            return ApiProblem.Invalid("url", $"The feed URL {reason}.");
        }

        if ((CheckName(request.Name) ?? CheckInterval(request.Interval) ?? CheckLanguage(request.Language)) is { } invalid)
        {
            return invalid;
        }

        var feed = new FeedRegistration
        {
            Id = StableId.From(url.AbsoluteUri),
            Url = url,
            Created = clock.GetUtcNow(),
            Name = Blank(request.Name),
            Interval = request.Interval,
            Language = Blank(request.Language),
            Enabled = request.Enabled ?? true,
        };
        var (stored, created) = await feeds.AddIfAbsentAsync(feed, cancellationToken).ConfigureAwait(false);
        if (created && stored.Enabled)
        {
            // Fetch a new feed right away rather than at the next timer tick.
            await queue.SendAsync(StorageNames.FeedsQueue, new FeedFetchMessage(stored.Id), cancellationToken).ConfigureAwait(false);
        }

        if (created)
        {
            LogRegistered(logger, url);
        }

        var resource = FeedResource.From(stored, DefaultInterval);
        return created ? ApiResult<FeedResource>.Created(resource) : ApiResult<FeedResource>.Ok(resource);
    }

    public async Task<IReadOnlyList<FeedResource>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<FeedResource>();
        await foreach (var feed in feeds.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(FeedResource.From(feed, DefaultInterval));
        }

        return list.OrderBy(f => f.Created).ToList();
    }

    public async Task<ApiResult<FeedResource>> GetAsync(string id, CancellationToken cancellationToken) =>
        await feeds.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } feed
            ? ApiResult<FeedResource>.Ok(FeedResource.From(feed, DefaultInterval))
            : ApiProblem.NotFound("feed");

    /// <summary>
    /// JSON merge patch (RFC 7396) of <c>name</c>, <c>interval</c>, <c>enabled</c> and <c>language</c>: a member
    /// absent is kept, <c>null</c> resets it to the default. Re-enabling a feed clears its failures and polls it soon.
    /// </summary>
    public async Task<ApiResult<FeedResource>> PatchAsync(string id, JsonObject patch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patch);
        var read = ReadPatch(patch);
        if (read.Problem is { } problem)
        {
            return problem;
        }

        var change = read.Value!;
        var now = clock.GetUtcNow();
        var updated = await feeds.UpdateAsync(id, feed => Apply(feed, change, now), cancellationToken).ConfigureAwait(false);
        return updated is null ? ApiProblem.NotFound("feed") : ApiResult<FeedResource>.Ok(FeedResource.From(updated, DefaultInterval));
    }

    /// <summary>Removes the feed; its remembered items stay (a re-registered feed does not resend old items).</summary>
    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => feeds.DeleteAsync(id, cancellationToken);

    private static FeedRegistration Apply(FeedRegistration feed, FeedPatch change, DateTimeOffset now)
    {
        var next = feed with
        {
            Name = change.Name.Set ? change.Name.Value : feed.Name,
            Interval = change.Interval.Set ? change.Interval.Value : feed.Interval,
            Language = change.Language.Set ? change.Language.Value : feed.Language,
        };
        return change.Enabled switch
        {
            true when !feed.Enabled => next with { Enabled = true, ConsecutiveFailures = 0, DisabledReason = null, NextPoll = now },
            false => next with { Enabled = false, DisabledReason = feed.Enabled ? null : feed.DisabledReason },
            _ => next,
        };
    }

    private ApiResult<FeedPatch> ReadPatch(JsonObject patch)
    {
        var change = new FeedPatch();
        foreach (var (name, node) in patch)
        {
            switch (name)
            {
                case "name":
                    if ((ReadString(node, name, out var text) ?? CheckName(text)) is { } badName)
                    {
                        return badName;
                    }

                    change = change with { Name = new(true, Blank(text)) };
                    break;
                case "language":
                    if ((ReadString(node, name, out var language) ?? CheckLanguage(language)) is { } badLanguage)
                    {
                        return badLanguage;
                    }

                    change = change with { Language = new(true, Blank(language)) };
                    break;
                case "interval":
                    if (ReadString(node, name, out var value) is { } badInterval)
                    {
                        return badInterval;
                    }

                    TimeSpan? interval = null;
                    if (value is not null)
                    {
                        if (!TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var parsed))
                        {
                            return ApiProblem.Invalid("interval", "The interval must be a time span such as \"00:15:00\".");
                        }

                        interval = parsed;
                    }

                    if (CheckInterval(interval) is { } invalidInterval)
                    {
                        return invalidInterval;
                    }

                    change = change with { Interval = new(true, interval) };
                    break;
                case "enabled":
                    if (node is not JsonValue flag || flag.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        return ApiProblem.Invalid("enabled", "enabled must be true or false.");
                    }

                    change = change with { Enabled = flag.GetValue<bool>() };
                    break;
                case "url":
                    return ApiProblem.Invalid("url", "A feed's URL cannot change (its id derives from it): register the new URL and delete this feed.");
                default:
                    return ApiProblem.Invalid(name, $"Unknown or read-only field '{name}'.");
            }
        }

        return ApiResult<FeedPatch>.Ok(change);
    }

    private static ApiProblem? ReadString(JsonNode? node, string field, out string? value)
    {
        value = null;
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue text && text.GetValueKind() == JsonValueKind.String)
        {
            value = text.GetValue<string>();
            return null;
        }

        return ApiProblem.Invalid(field, $"{field} must be a string or null.");
    }

    private static ApiProblem? CheckName(string? name) =>
        name is { Length: > MaxNameLength } ? ApiProblem.Invalid("name", $"The name must be at most {MaxNameLength} characters.") : null;

    private ApiProblem? CheckInterval(TimeSpan? interval)
    {
        var settings = options.CurrentValue;
        return interval is { } value && (value < settings.MinInterval || value > settings.MaxInterval)
            ? ApiProblem.Invalid("interval", $"The interval must be from {settings.MinInterval} to {settings.MaxInterval}.")
            : null;
    }

    private static ApiProblem? CheckLanguage(string? language) =>
        !string.IsNullOrWhiteSpace(language) && !LanguageTag().IsMatch(language)
            ? ApiProblem.Invalid("language", "The language must be a BCP 47 tag such as \"en\" or \"fr-CA\".")
            : null;

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$")]
    private static partial Regex LanguageTag();

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed registered: {Url}")]
    private static partial void LogRegistered(ILogger logger, Uri url);

    private readonly record struct Change<T>(bool Set, T Value);

    private sealed record FeedPatch
    {
        public Change<string?> Name { get; init; }
        public Change<TimeSpan?> Interval { get; init; }
        public Change<string?> Language { get; init; }
        public bool? Enabled { get; init; }
    }
}
