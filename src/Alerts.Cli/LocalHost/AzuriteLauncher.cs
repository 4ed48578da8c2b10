using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Alerts.Cli.LocalHost;

/// <summary>A running Azurite (queue and table services) and the connection string that reaches it.</summary>
internal sealed class AzuriteInstance(Process? process, int blobPort, int queuePort, int tablePort) : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account key (public, documented by Microsoft).</summary>
    private const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public int QueuePort => queuePort;
    public int TablePort => tablePort;

    /// <summary>True when this instance was started here (and is stopped on dispose).</summary>
    public bool Owned => process is not null;

    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        $"AccountKey={DevAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";

    public async ValueTask DisposeAsync()
    {
        if (process is null)
        {
            return;
        }

        await ChildProcesses.StopAsync(process).ConfigureAwait(false);
    }
}

/// <summary>How to start Azurite.</summary>
/// <param name="Ephemeral">In memory on free ports: nothing is kept (demos and tests).</param>
/// <param name="DataDirectory">Where a persistent Azurite keeps its data (ignored when ephemeral).</param>
internal sealed record AzuriteLaunchOptions(bool Ephemeral, string? DataDirectory = null);

/// <summary>
/// Starts the Azurite pinned in package.json (running <c>npm ci</c> first when it is not installed) and
/// reads the ports it listens on from its output.
/// </summary>
internal static partial class AzuriteLauncher
{
    public const int DefaultBlobPort = 10000;
    public const int DefaultQueuePort = 10001;
    public const int DefaultTablePort = 10002;

    /// <summary>True when something listens on Azurite's default queue and table ports.</summary>
    public static async Task<bool> DefaultPortsReachableAsync(CancellationToken cancellationToken) =>
        await IsListeningAsync(DefaultQueuePort, cancellationToken).ConfigureAwait(false)
        && await IsListeningAsync(DefaultTablePort, cancellationToken).ConfigureAwait(false);

    /// <summary>An instance for storage already running on the default ports (not stopped on dispose).</summary>
    public static AzuriteInstance Existing() => new(null, DefaultBlobPort, DefaultQueuePort, DefaultTablePort);

    public static async Task<AzuriteInstance> StartAsync(AzuriteLaunchOptions options, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(progress);
        var root = RepositoryLocator.FindRoot()
            ?? throw new InvalidOperationException("Cannot find the repository (package.json and host.json): run from the Alerts checkout, or pass --no-azurite and set AzureWebJobsStorage.");
        var script = Path.Combine(root.FullName, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            progress("Azurite is not installed: running npm ci (once)...");
            await RunNpmCiAsync(root.FullName, cancellationToken).ConfigureAwait(false);
            if (!File.Exists(script))
            {
                throw new InvalidOperationException($"npm ci did not install Azurite (expected {script}). Check that Node.js and npm work.");
            }
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root.FullName,
        };
        foreach (var arg in new[] { script, "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl", "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1" })
        {
            start.ArgumentList.Add(arg);
        }

        if (options.Ephemeral)
        {
            foreach (var arg in new[] { "--inMemoryPersistence", "--blobPort", "0", "--queuePort", "0", "--tablePort", "0" })
            {
                start.ArgumentList.Add(arg);
            }
        }
        else
        {
            var data = options.DataDirectory ?? Path.Combine(root.FullName, ".azurite");
            Directory.CreateDirectory(data);
            start.ArgumentList.Add("--location");
            start.ArgumentList.Add(data);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node: is Node.js installed?");
        var ports = new Dictionary<string, int>(StringComparer.Ordinal);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void OnLine(string? line)
        {
            if (line is null)
            {
                return;
            }

            output.Enqueue(line);
            var match = ListeningLine().Match(line);
            if (match.Success)
            {
                lock (ports)
                {
                    ports[match.Groups[1].Value] = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
                    if (ports.Count == 3)
                    {
                        ready.TrySetResult();
                    }
                }
            }
        }

        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException(
            "Azurite exited during start-up (are its ports taken? try --ephemeral). Its output:\n" + string.Join('\n', output)));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await ready.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await new AzuriteInstance(process, 0, 0, 0).DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new AzuriteInstance(process, ports["Blob"], ports["Queue"], ports["Table"]);
    }

    private static async Task RunNpmCiAsync(string root, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("npm") { WorkingDirectory = root, UseShellExecute = false };
        foreach (var arg in new[] { "ci", "--no-audit", "--no-fund" })
        {
            start.ArgumentList.Add(arg);
        }

        using var npm = Process.Start(start) ?? throw new InvalidOperationException("Could not start npm: is Node.js installed?");
        await npm.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci failed with exit code {npm.ExitCode}.");
        }
    }

    private static async Task<bool> IsListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            await client.ConnectAsync("127.0.0.1", port, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [GeneratedRegex(@"Azurite (Blob|Queue|Table) service is successfully listening at https?://[^:]+:(\d+)")]
    private static partial Regex ListeningLine();
}
