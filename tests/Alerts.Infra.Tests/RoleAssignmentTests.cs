using System.Text.Json.Nodes;
using Alerts.Infra.Tests.Infrastructure;

namespace Alerts.Infra.Tests;

[Collection(CompiledInfraCollection.Name)]
public sealed class RoleAssignmentTests(CompiledInfra infra)
{
    private const string RoleAssignment = "Microsoft.Authorization/roleAssignments";

    // Built-in role definition id → the resource type it must be scoped to.
    public static TheoryData<string, string, string> Roles => new()
    {
        { "Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Microsoft.Storage/storageAccounts" },
        { "Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Microsoft.Storage/storageAccounts" },
        { "Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Microsoft.Storage/storageAccounts" },
        { "Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb", "Microsoft.Insights/components" },
        { "Key Vault Secrets User", "4633458b-17de-408a-b874-0445c86b69e6", "Microsoft.KeyVault/vaults" },
    };

    private ArmTemplate Rbac => infra.Main.ModuleTemplate("rbac");

    [Fact]
    public void Every_role_assignment_lives_in_the_rbac_module()
    {
        var modules = infra.Main.AllTemplates()
            .Where(t => t.Template.ResourcesOfType(RoleAssignment).Any())
            .Select(t => t.Module);

        Assert.Equal(["rbac"], modules);
    }

    [Fact]
    public void The_identity_gets_exactly_the_five_roles_the_app_needs()
    {
        var expected = Roles.Select(row => (string)row[1]).Order();

        Assert.Equal(expected, Rbac.ResourcesOfType(RoleAssignment).Select(RoleId).Order());
    }

    [Theory]
    [MemberData(nameof(Roles))]
    public void Each_role_is_granted_to_the_identity_at_the_narrowest_scope_that_works(string role, string roleId, string scopeType)
    {
        var assignment = Assert.Single(Rbac.ResourcesOfType(RoleAssignment), a => RoleId(a) == roleId);

        Assert.True(((string)assignment["scope"]!).StartsWith($"[resourceId('{scopeType}'", StringComparison.Ordinal), $"{role} scope: {assignment["scope"]}");
        Assert.Equal("ServicePrincipal", (string?)assignment["properties"]!["principalType"]);
        Assert.Equal(
            "[reference(resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityName')), '2023-01-31').principalId]",
            (string?)assignment["properties"]!["principalId"]);
    }

    [Fact]
    public void Role_assignment_names_are_known_before_deployment()
    {
        // guid(scope, identity resource id, role): stable across runs, so a second `azd up` updates rather than conflicts.
        Assert.All(Rbac.ResourcesOfType(RoleAssignment), a =>
        {
            var name = (string)a["name"]!;
            Assert.StartsWith("[guid(resourceId(", name, StringComparison.Ordinal);
            Assert.Contains("resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityName'))", name, StringComparison.Ordinal);
            Assert.DoesNotContain("reference(", name, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Rbac_grants_to_the_identity_the_function_app_runs_as()
    {
        Assert.Equal(infra.Main.ModuleParameter("identity", "name")!.ToString(), infra.Main.ModuleParameter("rbac", "identityName")!.ToString());
    }

    private string RoleId(JsonObject assignment)
    {
        var definition = Rbac.ResolveVariableMembers((string)assignment["properties"]!["roleDefinitionId"]!);
        Assert.StartsWith("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', ", definition, StringComparison.Ordinal);
        return definition["[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', ".Length..^2];
    }
}
