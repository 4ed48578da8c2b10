using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Alerts.Infra.Tests.Infrastructure;

namespace Alerts.Infra.Tests;

[Collection(CompiledInfraCollection.Name)]
public sealed class BicepToolingTests(CompiledInfra infra)
{
    private static readonly string[] RulesThatMayBeOff =
    [
        "use-recent-module-versions", // asks the module registry: needs the network
        "use-recent-api-versions", // compares with today's date: the same template would fail later
    ];

    [Fact]
    public void Main_template_builds_without_errors_or_warnings()
    {
        Assert.True(infra.Build.ExitCode == 0, infra.Build.StandardError);
        Assert.Equal(string.Empty, infra.Build.StandardError.Trim());
        Assert.Equal("Microsoft.Resources/resourceGroups", (string?)infra.Main.Single("Microsoft.Resources/resourceGroups")["type"]);
    }

    [Fact]
    public void Linter_reports_no_errors_or_warnings()
    {
        var lint = BicepCli.Run("lint", "infra/main.bicep");

        Assert.True(lint.ExitCode == 0, lint.StandardOutput + lint.StandardError);
        Assert.Empty(lint.Diagnostics);
    }

    [Fact]
    public void Linter_keeps_its_core_rules_on_except_those_that_need_the_network_or_the_date()
    {
        var core = JsonNode.Parse(Repository.ReadAllText("infra", "bicepconfig.json"))!["analyzers"]!["core"]!;

        Assert.True((bool)core["enabled"]!);
        var rules = core["rules"]!.AsObject();
        var off = rules.Where(r => (string?)r.Value!["level"] == "off").Select(r => r.Key);
        Assert.Subset(RulesThatMayBeOff.ToHashSet(), off.ToHashSet());
        Assert.Equal("error", (string?)rules["outputs-should-not-contain-secrets"]!["level"]);
        Assert.Equal("error", (string?)rules["secure-parameter-default"]!["level"]);
        Assert.Equal("error", (string?)rules["no-hardcoded-env-urls"]!["level"]);
    }

    [Fact]
    public void Every_module_is_written_in_the_repository()
    {
        foreach (var file in BicepFiles())
        {
            var modules = Regex.Matches(File.ReadAllText(file), @"^\s*module\s+\w+\s+'(?<path>[^']+)'", RegexOptions.Multiline);
            foreach (Match module in modules)
            {
                var path = module.Groups["path"].Value;
                Assert.False(path.Contains(':', StringComparison.Ordinal), $"{file} uses the registry module {path}");
                Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(file)!, path)), $"{file}: {path} does not exist");
            }
        }
    }

    [Fact]
    public void Only_the_missing_host_key_types_are_suppressed()
    {
        // BCP081 says only that Bicep has no type definitions for sites/host and sites/host/functionKeys.
        var suppressions = BicepFiles()
            .SelectMany(File.ReadAllLines)
            .Where(line => line.TrimStart().StartsWith("#disable", StringComparison.Ordinal))
            .Select(line => line.Trim())
            .ToList();

        Assert.All(suppressions, line => Assert.Equal("#disable-next-line BCP081", line));
    }

    [Fact]
    public void Bicep_files_are_formatted_as_bicep_format_writes_them()
    {
        Assert.All(BicepFiles(), file =>
        {
            var formatted = BicepCli.Run("format", "--stdout", Path.GetRelativePath(Repository.Root, file));
            Assert.True(formatted.ExitCode == 0, formatted.StandardError);
            Assert.True(
                formatted.StandardOutput.ReplaceLineEndings() == File.ReadAllText(file).ReplaceLineEndings(),
                $"{Path.GetRelativePath(Repository.Root, file)} differs from `bicep format` output");
        });
    }

    private static IEnumerable<string> BicepFiles() =>
        Directory.EnumerateFiles(Repository.PathOf("infra"), "*.bicep", SearchOption.AllDirectories);
}
