using System.CommandLine;

namespace Alerts.Cli.Commands;

/// <summary><c>alerts bench</c>: measured figures of the pipeline's stages, one subcommand per stage (BenchmarkDotNet has the careful ones).</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Measure a stage of the pipeline on this machine and print the figures.");
        command.Subcommands.Add(BenchExtractCommand.Create());
        command.Subcommands.Add(BenchFeedsCommand.Create());
        command.Subcommands.Add(BenchDeliveryCommand.Create());
        return command;
    }
}
