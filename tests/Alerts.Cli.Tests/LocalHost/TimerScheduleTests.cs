using Alerts.Cli.LocalHost;

namespace Alerts.Cli.Tests.LocalHost;

public class TimerScheduleTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Six_field_ncrontab_has_seconds_first()
    {
        var schedule = TimerSchedule.Parse("0 */5 * * * *");

        Assert.Equal(Noon.AddMinutes(5), schedule.GetNext(Noon));
        Assert.Equal(Noon.AddMinutes(5), schedule.GetNext(Noon.AddMinutes(2).AddSeconds(30)));
    }

    [Fact]
    public void Six_field_ncrontab_can_fire_every_few_seconds()
    {
        Assert.Equal(Noon.AddSeconds(10), TimerSchedule.Parse("*/10 * * * * *").GetNext(Noon));
    }

    [Fact]
    public void Five_field_ncrontab_has_minutes_first()
    {
        var schedule = TimerSchedule.Parse("*/15 * * * *");

        Assert.Equal(Noon.AddMinutes(15), schedule.GetNext(Noon));
        Assert.Equal(Noon.AddMinutes(15), schedule.GetNext(Noon.AddMinutes(1)));
    }

    [Fact]
    public void Next_occurrence_is_strictly_after_the_given_time()
    {
        var schedule = TimerSchedule.Parse("0 0 * * * *");

        Assert.Equal(Noon.AddHours(1), schedule.GetNext(Noon));
    }

    [Fact]
    public void Ncrontab_is_evaluated_in_utc_whatever_the_offset_given()
    {
        var schedule = TimerSchedule.Parse("0 0 13 * * *");
        var noonInParisAsUtc11 = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.FromHours(1));

        var next = schedule.GetNext(noonInParisAsUtc11);

        Assert.Equal(TimeSpan.Zero, next.Offset);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 13, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void Daily_schedule_rolls_over_to_the_next_day()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 6, 30, 0, TimeSpan.Zero), TimerSchedule.Parse("0 30 6 * * *").GetNext(Noon));
    }

    [Theory]
    [InlineData("00:05:00", 300)]
    [InlineData("00:00:30", 30)]
    [InlineData("01:00:00", 3600)]
    public void TimeSpan_schedule_is_a_fixed_interval(string expression, int seconds)
    {
        Assert.Equal(Noon.AddSeconds(seconds), TimerSchedule.Parse(expression).GetNext(Noon));
    }

    [Theory]
    [InlineData("every five minutes")]
    [InlineData("00:00:00")]
    [InlineData("-00:05:00")]
    [InlineData("* * *")]
    public void Expression_that_is_neither_ncrontab_nor_a_positive_timespan_is_refused(string expression)
    {
        var ex = Assert.Throws<FormatException>(() => TimerSchedule.Parse(expression));

        Assert.Equal($"'{expression}' is neither an NCRONTAB expression nor a positive TimeSpan.", ex.Message);
    }

    [Theory]
    [InlineData("99 * * * * *")]
    [InlineData("0 */5 * * * MONDAYS")]
    [InlineData("61 * * * *")]
    public void Invalid_ncrontab_names_the_expression_and_shows_an_example(string expression)
    {
        var ex = Assert.Throws<FormatException>(() => TimerSchedule.Parse(expression));

        Assert.Contains($"'{expression}' is not a valid NCRONTAB expression", ex.Message, StringComparison.Ordinal);
        Assert.Contains("0 */5 * * * *", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Blank_expression_is_an_argument_error(string expression)
    {
        Assert.ThrowsAny<ArgumentException>(() => TimerSchedule.Parse(expression));
    }
}
