namespace Alerts.Infra.Tests.Infrastructure;

/// <summary>Locates files of the repository from the test output folder.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding Alerts.sln.</summary>
    public static string Root => RootPath.Value;

    public static string PathOf(params string[] relative) => Path.Combine([Root, .. relative]);

    public static string ReadAllText(params string[] relative) => File.ReadAllText(PathOf(relative));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Alerts.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Alerts.sln above {AppContext.BaseDirectory}.");
    }
}
