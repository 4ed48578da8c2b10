using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Alerts.Cli.LocalHost;

/// <summary>Plain progress lines for <c>alerts run</c>: time, pipeline stage, message (one line per stage per article).</summary>
internal sealed class StageConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "alerts-stages";

    public override void Write<TState>(in LogEntry<TState> logEntry, Microsoft.Extensions.Logging.IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message))
        {
            return;
        }

        var level = logEntry.LogLevel switch
        {
            LogLevel.Warning => "WARN ",
            LogLevel.Error or LogLevel.Critical => "ERROR ",
            _ => string.Empty,
        };
        textWriter.WriteLine($"{DateTime.Now:HH:mm:ss} {StageOf(logEntry.Category),-9} {level}{message}");
    }

    private static string StageOf(string category) => category[(category.LastIndexOf('.') + 1)..] switch
    {
        "FeedPoller" or "FeedFetcher" or "FeedRegistry" => "[feeds]",
        "DealProcessor" => "[extract]",
        "AlertDispatcher" => "[match]",
        "AlertDeliverer" => "[deliver]",
        "SubscriptionService" or "UnexpectedErrors" => "[api]",
        _ => "[host]",
    };
}
