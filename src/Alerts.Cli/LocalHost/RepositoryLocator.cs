namespace Alerts.Cli.LocalHost;

/// <summary>Finds the repository root (where package.json pins Azurite and host.json lives).</summary>
internal static class RepositoryLocator
{
    public static DirectoryInfo? FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "package.json")) && File.Exists(Path.Combine(dir.FullName, "host.json")))
                {
                    return dir;
                }
            }
        }

        return null;
    }
}
