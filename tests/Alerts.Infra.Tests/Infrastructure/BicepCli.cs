using System.Diagnostics;
using System.Reflection;

namespace Alerts.Infra.Tests.Infrastructure;

/// <summary>Runs the Bicep CLI of the Azure.Bicep.CommandLine package (its path is baked in at build time).</summary>
internal static class BicepCli
{
    public static string ExecutablePath { get; } =
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepCliPath").Value
        ?? throw new InvalidOperationException("The BicepCliPath assembly metadata is missing.");

    /// <summary>Runs bicep with the arguments, from the repository root.</summary>
    public static BicepResult Run(params string[] arguments)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new FileNotFoundException("Bicep CLI not found: restore tests/Alerts.Infra.Tests (package Azure.Bicep.CommandLine.linux-x64).", ExecutablePath);
        }

        var start = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in 3 minutes.");
        }

        return new BicepResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}

/// <summary>Exit code and output of one bicep run.</summary>
internal sealed record BicepResult(int ExitCode, string StandardOutput, string StandardError)
{
    /// <summary>Diagnostic lines ("file(line,col) : Warning|Error CODE: ...") from either stream.</summary>
    public IReadOnlyList<string> Diagnostics =>
        (StandardOutput + "\n" + StandardError)
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.Contains(" : Warning ", StringComparison.Ordinal) || line.Contains(" : Error ", StringComparison.Ordinal))
            .ToList();
}
