using System.Text.RegularExpressions;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alerts.Cli.LocalHost;

/// <summary>
/// Runs one timer-triggered function on its schedule. As on the Functions host: the schedule may be a
/// <c>%setting%</c> expression resolved from configuration, there is no run on start-up, and one run at a time.
/// </summary>
internal sealed partial class TimerTriggerScheduler(
    FunctionDescriptor function,
    IConfiguration configuration,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    HostJsonSettings settings,
    ILogger<TimerTriggerScheduler> logger) : BackgroundService
{
    public static string ResolveSchedule(string schedule, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return SettingReference().Replace(schedule, m => configuration[m.Groups[1].Value]
            ?? throw new InvalidOperationException($"The timer schedule refers to the setting '{m.Groups[1].Value}', which is not set."));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var expression = ResolveSchedule(((TimerFunctionTrigger)function.Trigger).Schedule, configuration);
        var schedule = TimerSchedule.Parse(expression);
        DateTime last = default;
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = schedule.GetNext(clock.GetUtcNow());
            try
            {
                await Task.Delay(next - clock.GetUtcNow() is { Ticks: > 0 } wait ? wait : TimeSpan.Zero, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            var timer = new TimerInfo
            {
                IsPastDue = clock.GetUtcNow() - next > TimeSpan.FromSeconds(10),
                ScheduleStatus = new ScheduleStatus { Last = last, Next = schedule.GetNext(next).UtcDateTime, LastUpdated = clock.GetUtcNow().UtcDateTime },
            };
            last = next.UtcDateTime;
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(settings.FunctionTimeout);
                await using var scope = scopes.CreateAsyncScope();
                using var activity = Core.Telemetry.AlertsTelemetry.StartScheduled(function.Name);
                await FunctionInvoker.InvokeAsync(function, scope.ServiceProvider, p =>
                    p.ParameterType == typeof(TimerInfo) ? (true, timer)
                    : p.ParameterType == typeof(CancellationToken) ? (true, timeout.Token)
                    : (false, null)).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogFailed(logger, function.Name, ex.Message);
            }
        }
    }

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingReference();

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function} failed: {Reason}. It runs again at its next scheduled time.")]
    private static partial void LogFailed(ILogger logger, string function, string reason);
}
