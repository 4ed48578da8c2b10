namespace Alerts.Infra.Tests.Infrastructure;

/// <summary>Reads the few keys of azure.yaml the tests need (two-space indented YAML: no library needed).</summary>
internal static class AzureYaml
{
    private static List<string> Lines =>
        Repository.ReadAllText("azure.yaml").Split('\n').Select(l => l.TrimEnd('\r')).ToList();

    /// <summary>The value of a top-level scalar key.</summary>
    public static string? TopLevel(string key) =>
        Lines.Where(l => l.StartsWith(key + ":", StringComparison.Ordinal)).Select(l => l[(key.Length + 1)..].Trim()).FirstOrDefault();

    /// <summary>The names under <c>services:</c>.</summary>
    public static IReadOnlyList<string> ServiceNames() =>
        ServicesBlock()
            .Where(l => l.StartsWith("  ", StringComparison.Ordinal) && !l.StartsWith("   ", StringComparison.Ordinal) && l.EndsWith(':'))
            .Select(l => l.Trim().TrimEnd(':'))
            .ToList();

    /// <summary>The scalar keys of one service.</summary>
    public static IReadOnlyDictionary<string, string> Service(string name) =>
        ServicesBlock()
            .SkipWhile(l => l != $"  {name}:")
            .Skip(1)
            .TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal))
            .Select(l => l.Trim().Split(':', 2))
            .ToDictionary(kv => kv[0], kv => kv[1].Trim());

    private static IEnumerable<string> ServicesBlock() =>
        Lines.SkipWhile(l => l != "services:")
            .Skip(1)
            .TakeWhile(l => l.Length == 0 || l.StartsWith(' ') || l.StartsWith('#'));
}
