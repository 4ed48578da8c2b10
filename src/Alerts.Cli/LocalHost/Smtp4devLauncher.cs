using System.Diagnostics;
using System.Net.Sockets;

namespace Alerts.Cli.LocalHost;

/// <summary>A running smtp4dev (the dotnet tool in the repository's manifest), stopped with its process tree on dispose.</summary>
internal sealed class Smtp4devInstance(Process process, int smtpPort, Uri webUi) : IAsyncDisposable
{
    public int SmtpPort => smtpPort;

    public Uri WebUi => webUi;

    public async ValueTask DisposeAsync()
    {
        await ChildProcesses.StopAsync(process).ConfigureAwait(false);
    }
}

/// <summary>Starts smtp4dev for <c>alerts run --smtp4dev</c>: SMTP on 2525 (the local default), web UI on its own port, mails kept in memory.</summary>
internal static class Smtp4devLauncher
{
    public const int SmtpPort = 2525;

    public static async Task<Smtp4devInstance> StartAsync(int webPort, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var root = RepositoryLocator.FindRoot()
            ?? throw new InvalidOperationException("Cannot find the repository (its .config/dotnet-tools.json names smtp4dev): run from the Alerts checkout.");
        progress("Restoring dotnet tools (smtp4dev)...");
        await RunAsync(root.FullName, ["tool", "restore"], cancellationToken).ConfigureAwait(false);

        var webUi = new Uri($"http://localhost:{webPort}");
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root.FullName };
        // IMAP and POP3 are disabled: their default ports (143, 110) need privileges, and the web UI shows the mails.
        foreach (var arg in new[] { "tool", "run", "smtp4dev", "--", $"--smtpport={SmtpPort}", $"--urls={webUi.AbsoluteUri.TrimEnd('/')}", "--imapport=", "--pop3port=", "--db=", "--hostname=localhost" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet tool run smtp4dev.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var instance = new Smtp4devInstance(process, SmtpPort, webUi);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await ListensAsync(SmtpPort, cancellationToken).ConfigureAwait(false))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                await instance.DisposeAsync().ConfigureAwait(false);
                throw new InvalidOperationException($"smtp4dev did not start listening on port {SmtpPort} (is the port in use?).");
            }

            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }

        return instance;
    }

    private static async Task<bool> ListensAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync("127.0.0.1", port, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task RunAsync(string directory, string[] args, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not run dotnet.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', args)} failed: {await error.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
        }
    }
}
