using Alerts.Infra.Tests.Infrastructure;

namespace Alerts.Infra.Tests;

[Collection(CompiledInfraCollection.Name)]
public sealed class KeyVaultTests(CompiledInfra infra)
{
    private ArmTemplate Secrets => infra.Main.ModuleTemplate("secrets");

    [Fact]
    public void Key_vault_authorizes_with_rbac_only()
    {
        var properties = infra.Main.ModuleTemplate("keyVault").Single("Microsoft.KeyVault/vaults")["properties"]!;

        Assert.True((bool)properties["enableRbacAuthorization"]!);
        Assert.Null(properties["accessPolicies"]);
        Assert.True((bool)properties["enableSoftDelete"]!);
    }

    [Theory]
    [InlineData("alerts-admin-key", "adminKey")]
    [InlineData("alerts-unsubscribe-signing-key", "unsubscribeSigningKey")]
    [InlineData("alerts-smtp-password", "smtpPassword")]
    public void Key_vault_holds_each_secret_from_its_secure_parameter(string secretName, string parameter)
    {
        var secret = Assert.Single(
            Secrets.ResourcesOfType("Microsoft.KeyVault/vaults/secrets"),
            s => ((string)s["name"]!).Contains($"'{secretName}'", StringComparison.Ordinal));

        Assert.Equal($"[parameters('{parameter}')]", (string?)secret["properties"]!["value"]);
        Assert.Equal("securestring", (string?)Secrets.Parameters[parameter]!["type"]);
        Assert.Equal($"[parameters('{parameter}')]", infra.Main.ModuleParameter("secrets", parameter)!.ToString());
    }

    [Fact]
    public void Smtp_password_secret_is_created_only_when_a_password_is_given()
    {
        var secret = Assert.Single(
            Secrets.ResourcesOfType("Microsoft.KeyVault/vaults/secrets"),
            s => ((string)s["name"]!).Contains("'alerts-smtp-password'", StringComparison.Ordinal));

        Assert.Equal("[parameters('includeSmtpPassword')]", (string?)secret["condition"]);
        Assert.Equal("[not(empty(parameters('smtpPassword')))]", infra.Main.ModuleParameter("secrets", "includeSmtpPassword")!.ToString());
    }

    [Theory]
    [InlineData("adminKey")]
    [InlineData("unsubscribeSigningKey")]
    public void Required_secrets_are_secure_parameters_of_at_least_32_characters_without_default(string parameter)
    {
        var definition = infra.Main.Parameters[parameter]!;

        Assert.Equal("securestring", (string?)definition["type"]);
        Assert.Equal(32, (int)definition["minLength"]!);
        Assert.Null(definition["defaultValue"]);
    }

    [Fact]
    public void Key_vault_references_follow_the_latest_secret_version()
    {
        // A versioned URI would pin the app to the first value and silently ignore rotations.
        Assert.All(Secrets.Outputs, output =>
        {
            var value = (string)output.Value!["value"]!;
            Assert.Contains(".secretUri", value, StringComparison.Ordinal);
            Assert.DoesNotContain("secretUriWithVersion", value, StringComparison.Ordinal);
        });
    }
}
