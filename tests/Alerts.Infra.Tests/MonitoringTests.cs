using Alerts.Infra.Tests.Infrastructure;

namespace Alerts.Infra.Tests;

[Collection(CompiledInfraCollection.Name)]
public sealed class MonitoringTests(CompiledInfra infra)
{
    private ArmTemplate Monitoring => infra.Main.ModuleTemplate("monitoring");

    [Fact]
    public void Application_insights_is_workspace_based_and_refuses_the_instrumentation_key_alone()
    {
        var properties = Monitoring.Single("Microsoft.Insights/components")["properties"]!;

        Assert.True((bool)properties["DisableLocalAuth"]!);
        Assert.Equal("web", (string?)properties["Application_Type"]);
        Assert.Contains("'Microsoft.OperationalInsights/workspaces'", (string)properties["WorkspaceResourceId"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Log_analytics_workspace_disables_local_auth()
    {
        var properties = Monitoring.Single("Microsoft.OperationalInsights/workspaces")["properties"]!;

        Assert.True((bool)properties["features"]!["disableLocalAuth"]!);
        Assert.Equal("PerGB2018", (string?)properties["sku"]!["name"]);
    }
}
