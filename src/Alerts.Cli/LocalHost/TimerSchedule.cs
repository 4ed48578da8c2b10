using System.Globalization;
using NCrontab;

namespace Alerts.Cli.LocalHost;

/// <summary>
/// A timer trigger schedule as the Functions host reads it: NCRONTAB with six fields (seconds first),
/// five fields (minutes first), or a TimeSpan interval ("00:05:00").
/// </summary>
internal sealed class TimerSchedule
{
    private readonly CrontabSchedule? cron;
    private readonly TimeSpan interval;

    private TimerSchedule(CrontabSchedule? cron, TimeSpan interval)
    {
        this.cron = cron;
        this.interval = interval;
    }

    public static TimerSchedule Parse(string expression)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(expression);
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is 5 or 6)
        {
            var schedule = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 });
            return schedule is null
                ? throw new FormatException($"'{expression}' is not a valid NCRONTAB expression (e.g. \"0 */5 * * * *\" = every 5 minutes).")
                : new TimerSchedule(schedule, TimeSpan.Zero);
        }

        return TimeSpan.TryParse(expression, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero
            ? new TimerSchedule(null, span)
            : throw new FormatException($"'{expression}' is neither an NCRONTAB expression nor a positive TimeSpan.");
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public DateTimeOffset GetNext(DateTimeOffset after) =>
        cron is null
            ? after + interval
            : new DateTimeOffset(cron.GetNextOccurrence(after.UtcDateTime), TimeSpan.Zero);
}
