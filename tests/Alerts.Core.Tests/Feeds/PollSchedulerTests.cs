using System.Net;
using System.Net.Http.Headers;
using Alerts.Core.Feeds;

namespace Alerts.Core.Tests.Feeds;

public sealed class PollSchedulerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Cap = TimeSpan.FromDays(1);

    [Fact]
    public void A_success_without_hints_polls_again_after_the_feeds_interval()
    {
        Assert.Equal(Now + Interval, PollScheduler.AfterSuccess(Now, Interval, PollHints.None, Cap));
    }

    [Theory]
    [InlineData(3600, null, null, null, 3600)]
    [InlineData(null, 7200, null, null, 7200)]
    [InlineData(null, null, 1800, null, 1800)]
    [InlineData(null, null, null, 5400, 5400)]
    [InlineData(60, 1200, 2400, 600, 2400)]
    public void Server_hints_lengthen_the_interval_to_the_longest_of_them(int? retryAfter, int? freshness, int? expires, int? ttl, int expectedSeconds)
    {
        var hints = new PollHints(Seconds(retryAfter), Seconds(freshness), Seconds(expires), Seconds(ttl));

        Assert.Equal(Now + TimeSpan.FromSeconds(expectedSeconds), PollScheduler.AfterSuccess(Now, Interval, hints, Cap));
    }

    [Fact]
    public void Server_hints_shorter_than_the_interval_never_shorten_it()
    {
        var hints = new PollHints(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(3));

        Assert.Equal(Now + Interval, PollScheduler.AfterSuccess(Now, Interval, hints, Cap));
    }

    [Fact]
    public void A_hint_beyond_the_cap_is_cut_to_the_cap()
    {
        var hints = new PollHints(RetryAfter: TimeSpan.FromDays(365));

        Assert.Equal(Now + Cap, PollScheduler.AfterSuccess(Now, Interval, hints, Cap));
    }

    [Fact]
    public void An_interval_set_above_the_cap_is_kept()
    {
        var weekly = TimeSpan.FromDays(7);

        Assert.Equal(Now + weekly, PollScheduler.AfterSuccess(Now, weekly, PollHints.None, Cap));
    }

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(6, 960)]
    public void Failures_back_off_exponentially_from_the_interval(int failures, int expectedMinutes)
    {
        Assert.Equal(Now + TimeSpan.FromMinutes(expectedMinutes), PollScheduler.AfterFailure(Now, Interval, failures, PollHints.None, Cap));
    }

    [Fact]
    public void Backoff_stops_at_the_cap_however_many_failures()
    {
        Assert.Equal(Now + Cap, PollScheduler.AfterFailure(Now, Interval, 500, PollHints.None, Cap));
    }

    [Fact]
    public void A_retry_after_longer_than_the_backoff_wins_on_failure()
    {
        var hints = new PollHints(RetryAfter: TimeSpan.FromHours(3));

        Assert.Equal(Now + TimeSpan.FromHours(3), PollScheduler.AfterFailure(Now, Interval, 1, hints, Cap));
    }

    [Fact]
    public void Hints_are_read_from_retry_after_cache_control_less_age_and_expires()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable) { Content = new StringContent("") };
        response.Headers.Date = Now;
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(120));
        response.Headers.CacheControl = new CacheControlHeaderValue { MaxAge = TimeSpan.FromSeconds(600) };
        response.Headers.Age = TimeSpan.FromSeconds(100);
        response.Content.Headers.Expires = Now.AddHours(2);

        var hints = PollHints.From(response, Now.AddHours(-5)); // the server's Date wins over a skewed local clock

        Assert.Equal(new PollHints(TimeSpan.FromSeconds(120), TimeSpan.FromSeconds(500), TimeSpan.FromHours(2)), hints);
    }

    [Fact]
    public void Retry_after_as_a_date_and_no_store_are_understood()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests) { Content = new StringContent("") };
        response.Headers.Date = Now;
        response.Headers.RetryAfter = new RetryConditionHeaderValue(Now.AddMinutes(45));
        response.Headers.CacheControl = new CacheControlHeaderValue { NoStore = true, MaxAge = TimeSpan.FromHours(9) };
        response.Content.Headers.Expires = Now.AddHours(-1); // already expired: no hint

        var hints = PollHints.From(response, Now);

        Assert.Equal(new PollHints(TimeSpan.FromMinutes(45)), hints);
    }

    private static TimeSpan? Seconds(int? value) => value is { } s ? TimeSpan.FromSeconds(s) : null;
}
