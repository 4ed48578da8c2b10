using System.CommandLine;

namespace Alerts.Cli.Commands;

/// <summary><c>alerts bench ...</c>: quick single-process measurements of pipeline stages (BenchmarkDotNet has the careful ones).</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Measure the throughput of a pipeline stage.");
        command.Subcommands.Add(BenchExtractCommand.Create());
        return command;
    }
}
