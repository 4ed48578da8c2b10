using System.Diagnostics;

namespace Alerts.Cli.LocalHost;

/// <summary>Helpers for the tools the local host starts (Azurite, smtp4dev).</summary>
internal static class ChildProcesses
{
    /// <summary>Stops the process and everything it started, waiting up to 10 s, then releases it.</summary>
    public static async Task StopAsync(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or refusing to die: nothing more to do at shutdown.
        }
        finally
        {
            process.Dispose();
        }
    }
}
