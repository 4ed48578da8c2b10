using System.Net.Http.Headers;

namespace Alerts.Core.Feeds;

/// <summary>What a feed's server said about when to come back; each hint may only lengthen the interval.</summary>
/// <param name="RetryAfter">Retry-After (seconds or date), usually on 429 / 503.</param>
/// <param name="Freshness">Cache-Control max-age minus Age: how long the response stays fresh.</param>
/// <param name="Expires">Expires minus the response's Date.</param>
/// <param name="TimeToLive">RSS ttl.</param>
public sealed record PollHints(TimeSpan? RetryAfter = null, TimeSpan? Freshness = null, TimeSpan? Expires = null, TimeSpan? TimeToLive = null)
{
    public static PollHints None { get; } = new();

    /// <summary>Reads Retry-After, Cache-Control max-age (less Age) and Expires from a response.</summary>
    public static PollHints From(HttpResponseMessage response, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(response);
        var serverNow = response.Headers.Date ?? now; // Expires is relative to the server's clock, not ours.
        TimeSpan? retryAfter = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - serverNow,
            _ => null,
        };
        TimeSpan? freshness = null;
        if (response.Headers.CacheControl is { NoStore: false, NoCache: false, MaxAge: { } maxAge })
        {
            freshness = maxAge - (response.Headers.Age ?? TimeSpan.Zero);
        }

        var expires = response.Content.Headers.Expires is { } at ? at - serverNow : (TimeSpan?)null;
        return new PollHints(Positive(retryAfter), Positive(freshness), Positive(expires));
    }

    private static TimeSpan? Positive(TimeSpan? value) => value > TimeSpan.Zero ? value : null;

    internal TimeSpan Longest(TimeSpan floor)
    {
        var longest = floor;
        foreach (var hint in new[] { RetryAfter, Freshness, Expires, TimeToLive })
        {
            if (hint > longest)
            {
                longest = hint.Value;
            }
        }

        return longest;
    }
}

/// <summary>
/// When to poll a feed next. Pure, so the politeness rules are unit-tested: the feed's interval is the floor,
/// server hints only lengthen it, errors back off exponentially, and nothing waits longer than the cap.
/// </summary>
public static class PollScheduler
{
    /// <summary>Next poll after a successful fetch (200 or 304).</summary>
    public static DateTimeOffset AfterSuccess(DateTimeOffset now, TimeSpan interval, PollHints hints, TimeSpan maxInterval)
    {
        ArgumentNullException.ThrowIfNull(hints);
        return now + Cap(hints.Longest(interval), interval, maxInterval);
    }

    /// <summary>Next poll after the <paramref name="consecutiveFailures"/>-th failure in a row: interval x 2^failures, capped.</summary>
    public static DateTimeOffset AfterFailure(DateTimeOffset now, TimeSpan interval, int consecutiveFailures, PollHints hints, TimeSpan maxInterval)
    {
        ArgumentNullException.ThrowIfNull(hints);
        // Past 2^20 the cap has long been reached; the bound keeps the multiplication finite.
        var factor = Math.Pow(2, Math.Clamp(consecutiveFailures, 0, 20));
        var backoff = TimeSpan.FromTicks((long)Math.Min(interval.Ticks * factor, maxInterval.Ticks));
        return now + Cap(hints.Longest(backoff), interval, maxInterval);
    }

    // The cap never shortens below the feed's own interval (an administrator may set one above the cap).
    private static TimeSpan Cap(TimeSpan wait, TimeSpan interval, TimeSpan maxInterval) =>
        wait > maxInterval ? (interval > maxInterval ? interval : maxInterval) : wait;
}
