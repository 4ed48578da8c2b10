using System.Text.Json.Nodes;

namespace Alerts.Infra.Tests.Infrastructure;

/// <summary>infra/main.bicep compiled once for all tests of the collection.</summary>
public sealed class CompiledInfra
{
    internal BicepResult Build { get; } = BicepCli.Run("build", "infra/main.bicep", "--stdout");

    /// <summary>The ARM JSON of main.bicep (subscription scope) with its modules inlined as nested deployments.</summary>
    internal ArmTemplate Main => main ??= Build.ExitCode == 0
        ? new ArmTemplate(JsonNode.Parse(Build.StandardOutput)!.AsObject())
        : throw new InvalidOperationException($"bicep build failed ({Build.ExitCode}):\n{Build.StandardError}");

    private ArmTemplate? main;
}

[CollectionDefinition(Name)]
public sealed class CompiledInfraCollection : ICollectionFixture<CompiledInfra>
{
    public const string Name = "Compiled infra";
}
