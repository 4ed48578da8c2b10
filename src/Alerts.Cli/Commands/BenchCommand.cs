using System.CommandLine;

namespace Alerts.Cli.Commands;

/// <summary><c>alerts bench</c>: measurements of pipeline stages on local services; one subcommand per stage.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Measure pipeline stages on local services (figures for docs/).");
        command.Subcommands.Add(BenchDeliveryCommand.Create());
        return command;
    }
}
