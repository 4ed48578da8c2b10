using System.Text.Json.Nodes;
using Alerts.Infra.Tests.Infrastructure;

namespace Alerts.Infra.Tests;

[Collection(CompiledInfraCollection.Name)]
public sealed class FunctionAppTests(CompiledInfra infra)
{
    private ArmTemplate Api => infra.Main.ModuleTemplate("api");

    private JsonObject Site => Api.Single("Microsoft.Web/sites");

    private JsonNode FunctionAppConfig => Site["properties"]!["functionAppConfig"]!;

    [Fact]
    public void Function_app_is_a_linux_function_app_on_a_flex_consumption_plan()
    {
        var plan = Api.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!);
        Assert.Equal("functionapp,linux", (string?)Site["kind"]);
        Assert.Contains("'Microsoft.Web/serverfarms'", (string)Site["properties"]!["serverFarmId"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Function_app_runs_the_dotnet_isolated_worker_on_dotnet_10()
    {
        var runtime = FunctionAppConfig["runtime"]!;

        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal("10.0", (string?)runtime["version"]);
    }

    [Fact]
    public void Function_app_deploys_its_package_from_the_storage_container_with_the_user_assigned_identity()
    {
        var storage = FunctionAppConfig["deployment"]!["storage"]!;

        Assert.Equal("blobContainer", (string?)storage["type"]);
        var blobEndpoint = Api.Variables["blobEndpoint"]!.ToString();
        Assert.Contains("variables('blobEndpoint')", (string)storage["value"]!, StringComparison.Ordinal);
        Assert.Contains("parameters('deploymentContainerName')", (string)storage["value"]!, StringComparison.Ordinal);
        Assert.Contains("https://{0}.blob.{1}", blobEndpoint, StringComparison.Ordinal);
        Assert.Equal("UserAssignedIdentity", (string?)storage["authentication"]!["type"]);
        Assert.Equal("[parameters('identityId')]", (string?)storage["authentication"]!["userAssignedIdentityResourceId"]);
        // The container the package goes to is one the storage module creates.
        var created = infra.Main.ModuleParameter("storage", "containers")!.AsArray().Select(c => c!.ToString());
        Assert.Contains(infra.Main.ModuleParameter("api", "deploymentContainerName")!.ToString(), created);
    }

    [Fact]
    public void Scale_out_is_bounded_by_parameters_defaulting_to_100_instances_of_2048_MB()
    {
        var scale = FunctionAppConfig["scaleAndConcurrency"]!;

        Assert.Equal("[parameters('maximumInstanceCount')]", (string?)scale["maximumInstanceCount"]);
        Assert.Equal("[parameters('instanceMemoryMB')]", (string?)scale["instanceMemoryMB"]);
        var main = infra.Main.Parameters;
        Assert.Equal(100, (int)main["maximumInstanceCount"]!["defaultValue"]!);
        Assert.Equal(1000, (int)main["maximumInstanceCount"]!["maxValue"]!);
        Assert.Equal(2048, (int)main["instanceMemoryMB"]!["defaultValue"]!);
        Assert.Equal([512, 2048, 4096], main["instanceMemoryMB"]!["allowedValues"]!.AsArray().Select(v => (int)v!));
        Assert.Equal("[parameters('maximumInstanceCount')]", infra.Main.ModuleParameter("api", "maximumInstanceCount")!.ToString());
        Assert.Equal("[parameters('instanceMemoryMB')]", infra.Main.ModuleParameter("api", "instanceMemoryMB")!.ToString());
    }

    [Fact]
    public void Function_app_runs_as_the_user_assigned_identity_and_resolves_key_vault_references_with_it()
    {
        Assert.Equal("UserAssigned", (string?)Site["identity"]!["type"]);
        Assert.Equal("[format('{0}', parameters('identityId'))]", Assert.Single(Site["identity"]!["userAssignedIdentities"]!.AsObject()).Key);
        Assert.Equal("[parameters('identityId')]", (string?)Site["properties"]!["keyVaultReferenceIdentity"]);
        Assert.Contains("outputs.id.value", infra.Main.ModuleParameter("api", "identityId")!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Function_app_accepts_https_only_with_tls_1_2_and_no_publishing_passwords()
    {
        Assert.True((bool)Site["properties"]!["httpsOnly"]!);
        Assert.Equal("1.2", (string?)Site["properties"]!["siteConfig"]!["minTlsVersion"]);
        var policies = Api.ResourcesOfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies").ToList();
        Assert.Equal(2, policies.Count);
        Assert.All(policies, p => Assert.False((bool)p["properties"]!["allow"]!));
    }

    [Fact]
    public void Admin_host_key_has_the_admin_key_as_its_value_so_one_key_passes_host_and_app()
    {
        var key = Api.Single("Microsoft.Web/sites/host/functionKeys");

        Assert.Contains("'default', 'alerts-admin'", (string)key["name"]!, StringComparison.Ordinal);
        Assert.Equal("alerts-admin", (string?)key["properties"]!["name"]);
        Assert.Equal("[parameters('adminKey')]", (string?)key["properties"]!["value"]);
        Assert.Equal("securestring", (string?)Api.Parameters["adminKey"]!["type"]);
        Assert.Equal("[parameters('adminKey')]", infra.Main.ModuleParameter("api", "adminKey")!.ToString());
        // Created by default; the switch exists for a first provisioning whose host cannot answer yet.
        Assert.Equal("[parameters('createAdminHostKey')]", (string?)key["condition"]);
        Assert.True((bool)infra.Main.Parameters["createAdminHostKey"]!["defaultValue"]!);
        Assert.Equal("[parameters('createAdminHostKey')]", infra.Main.ModuleParameter("api", "createAdminHostKey")!.ToString());
    }

    [Fact]
    public void Function_app_carries_the_azd_service_name_of_azure_yaml()
    {
        var tags = (string)Site["tags"]!;

        Assert.Contains("createObject('azd-service-name', parameters('serviceName'))", tags, StringComparison.Ordinal);
        var serviceName = infra.Main.ModuleParameter("api", "serviceName")!.ToString();
        Assert.Equal("api", serviceName);
        Assert.Contains(serviceName, AzureYaml.ServiceNames());
    }

    [Fact]
    public void Function_app_is_created_after_its_role_assignments()
    {
        var dependsOn = infra.Main.Module("api")["dependsOn"]!.AsArray().Select(d => d!.ToString());

        Assert.Contains(dependsOn, d => d.Contains("'Microsoft.Resources/deployments', 'rbac')", StringComparison.Ordinal));
    }
}
