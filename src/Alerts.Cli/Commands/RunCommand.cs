using System.CommandLine;

namespace Alerts.Cli.Commands;

/// <summary><c>alerts run</c>: the whole pipeline in one process on Azurite.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Run the pipeline locally on Azurite (HTTP API on http://localhost:7071/api).");
        command.SetAction(_ => 0);
        return command;
    }
}
