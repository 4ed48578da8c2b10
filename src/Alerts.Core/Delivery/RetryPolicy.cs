using Alerts.Core.Configuration;

namespace Alerts.Core.Delivery;

/// <summary>What to do after a failed attempt.</summary>
/// <param name="Delay">Wait before the next attempt, when there is one.</param>
/// <param name="GiveUpReason">Why no attempt follows, when none does.</param>
public sealed record RetryDecision(TimeSpan? Delay, string? GiveUpReason)
{
    public bool Retry => Delay is not null;
}

/// <summary>
/// Exponential backoff with jitter, bounded by a horizon measured from when the alert was raised.
/// The delay before attempt n+1 is base * 2^(n-1), scaled by a random factor in [1.0, 1.25] (jitter, so receivers
/// recovering from an outage do not get every retry at once; the first wait is at least RetryBaseDelay), capped at MaxRetryDelay; a Retry-After
/// from the receiver replaces it (also capped).
/// </summary>
public static class RetryPolicy
{
    public static RetryDecision Decide(DeliveryAttempt attempt, int attemptsMade, DateTimeOffset raised, DateTimeOffset now, DeliveryOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        switch (attempt.Outcome)
        {
            case AttemptOutcome.Delivered:
                return new RetryDecision(null, null);
            case AttemptOutcome.Gone or AttemptOutcome.Permanent:
                return new RetryDecision(null, attempt.Error ?? "failed for good");
            case AttemptOutcome.Rejected when attemptsMade >= options.RejectedAttempts:
                return new RetryDecision(null, $"refused {attemptsMade} times; last: {attempt.Error}");
        }

        var delay = attempt.RetryAfter ?? Backoff(attemptsMade, options, random);
        delay = TimeSpan.FromTicks(Math.Clamp(delay.Ticks, 0, options.MaxRetryDelay.Ticks));
        var deadline = raised + options.RetryHorizon;
        return now + delay > deadline
            ? new RetryDecision(null, $"no success within the retry horizon of {options.RetryHorizon} ({attemptsMade} attempts); last: {attempt.Error}")
            : new RetryDecision(delay, null);
    }

    /// <summary>The jittered exponential delay after <paramref name="attemptsMade"/> attempts.</summary>
    public static TimeSpan Backoff(int attemptsMade, DeliveryOptions options, Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(random);
        var exponent = Math.Clamp(attemptsMade - 1, 0, 30);
        var full = Math.Min(options.RetryBaseDelay.Ticks * Math.Pow(2, exponent), options.MaxRetryDelay.Ticks);
        return TimeSpan.FromTicks((long)(full * (1 + (random.NextDouble() / 4))));
    }
}
