using Alerts.Core.Configuration;
using Alerts.Core.Delivery;

namespace Alerts.Core.Tests.Delivery;

public class RetryPolicyTests
{
    private static readonly DateTimeOffset Raised = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private readonly DeliveryOptions options = new() { RetryBaseDelay = TimeSpan.FromSeconds(30), MaxRetryDelay = TimeSpan.FromHours(2), RetryHorizon = TimeSpan.FromHours(24), RejectedAttempts = 3 };

    [Fact]
    public void The_first_retry_waits_the_base_delay_plus_at_most_a_quarter_of_jitter()
    {
        for (var seed = 0; seed < 50; seed++)
        {
            var delay = RetryPolicy.Backoff(1, options, new Random(seed));
            Assert.InRange(delay, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(37.5));
        }
    }

    [Fact]
    public void Delays_double_per_attempt_up_to_the_maximum()
    {
        var fixedRandom = new ZeroRandom();
        Assert.Equal(TimeSpan.FromSeconds(60), RetryPolicy.Backoff(2, options, fixedRandom));
        Assert.Equal(TimeSpan.FromSeconds(240), RetryPolicy.Backoff(4, options, fixedRandom));
        Assert.Equal(TimeSpan.FromHours(2), RetryPolicy.Backoff(20, options, fixedRandom));
    }

    [Fact]
    public void Jitter_spreads_retries_of_the_same_attempt()
    {
        var random = new Random(42);
        var delays = Enumerable.Range(0, 20).Select(_ => RetryPolicy.Backoff(3, options, random)).Distinct().Count();
        Assert.True(delays > 10);
    }

    [Fact]
    public void A_transient_failure_is_retried_until_the_horizon_then_given_up()
    {
        var failure = new DeliveryAttempt(AttemptOutcome.Transient, "HTTP 500", 500);

        Assert.True(RetryPolicy.Decide(failure, 1, Raised, Raised, options, new Random(1)).Retry);
        var late = RetryPolicy.Decide(failure, 12, Raised, Raised.AddHours(23.5), options, new Random(1));
        Assert.False(late.Retry);
        Assert.Contains("retry horizon", late.GiveUpReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Retry_after_from_the_receiver_replaces_the_backoff()
    {
        var throttled = new DeliveryAttempt(AttemptOutcome.Transient, "HTTP 429", 429, TimeSpan.FromMinutes(7));
        Assert.Equal(TimeSpan.FromMinutes(7), RetryPolicy.Decide(throttled, 1, Raised, Raised, options, new Random(1)).Delay);
    }

    [Fact]
    public void A_refusing_receiver_gets_a_few_attempts_only()
    {
        var refused = new DeliveryAttempt(AttemptOutcome.Rejected, "HTTP 400", 400);
        Assert.True(RetryPolicy.Decide(refused, 2, Raised, Raised, options, new Random(1)).Retry);
        Assert.False(RetryPolicy.Decide(refused, 3, Raised, Raised, options, new Random(1)).Retry);
    }

    [Theory]
    [InlineData(AttemptOutcome.Gone)]
    [InlineData(AttemptOutcome.Permanent)]
    public void Gone_and_permanent_failures_are_not_retried(AttemptOutcome outcome) =>
        Assert.False(RetryPolicy.Decide(new DeliveryAttempt(outcome, "x"), 1, Raised, Raised, options, new Random(1)).Retry);

    [Theory]
    [InlineData(200, AttemptOutcome.Delivered)]
    [InlineData(204, AttemptOutcome.Delivered)]
    [InlineData(301, AttemptOutcome.Rejected)]
    [InlineData(400, AttemptOutcome.Rejected)]
    [InlineData(408, AttemptOutcome.Transient)]
    [InlineData(410, AttemptOutcome.Gone)]
    [InlineData(429, AttemptOutcome.Transient)]
    [InlineData(500, AttemptOutcome.Transient)]
    [InlineData(503, AttemptOutcome.Transient)]
    public void Webhook_statuses_are_judged_per_the_delivery_rules(int status, AttemptOutcome expected) =>
        Assert.Equal(expected, WebhookChannel.Judge(status).Outcome);

    private sealed class ZeroRandom : Random
    {
        public override double NextDouble() => 0;
    }
}
