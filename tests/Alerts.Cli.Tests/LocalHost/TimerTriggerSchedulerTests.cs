using Alerts.Cli.LocalHost;
using Microsoft.Extensions.Configuration;

namespace Alerts.Cli.Tests.LocalHost;

public class TimerTriggerSchedulerTests
{
    private static IConfiguration Configuration(params (string Key, string? Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Fact]
    public void Resolves_a_setting_reference_from_configuration()
    {
        var schedule = TimerTriggerScheduler.ResolveSchedule("%Alerts:PollSchedule%", Configuration(("Alerts:PollSchedule", "0 */1 * * * *")));

        Assert.Equal("0 */1 * * * *", schedule);
    }

    [Fact]
    public void Leaves_a_literal_schedule_unchanged()
    {
        Assert.Equal("0 */5 * * * *", TimerTriggerScheduler.ResolveSchedule("0 */5 * * * *", Configuration()));
    }

    [Fact]
    public void Missing_setting_is_a_clear_error_naming_it()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => TimerTriggerScheduler.ResolveSchedule("%Alerts:PollSchedule%", Configuration(("Alerts:Other", "x"))));

        Assert.Equal("The timer schedule refers to the setting 'Alerts:PollSchedule', which is not set.", ex.Message);
    }

    [Fact]
    public void Resolved_schedule_of_the_local_defaults_parses()
    {
        var expression = TimerTriggerScheduler.ResolveSchedule("%Alerts:PollSchedule%", Configuration(("Alerts:PollSchedule", LocalFunctionHost.LocalDefaults["Alerts:PollSchedule"])));

        var start = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(start.AddMinutes(1), TimerSchedule.Parse(expression).GetNext(start));
    }
}
