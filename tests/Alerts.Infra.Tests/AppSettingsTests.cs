using Alerts.Infra.Tests.Infrastructure;

namespace Alerts.Infra.Tests;

[Collection(CompiledInfraCollection.Name)]
public sealed class AppSettingsTests(CompiledInfra infra)
{
    private ArmTemplate Api => infra.Main.ModuleTemplate("api");

    private IReadOnlyDictionary<string, string> Settings => Api.AppSettings(Api.Single("Microsoft.Web/sites"));

    [Fact]
    public void Functions_host_reaches_storage_with_the_managed_identity_and_no_connection_string()
    {
        var settings = Settings;

        Assert.Equal("[parameters('storageAccountName')]", settings["AzureWebJobsStorage__accountName"]);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Equal("[parameters('identityClientId')]", settings["AzureWebJobsStorage__clientId"]);
        Assert.Equal("[parameters('identityClientId')]", settings["AZURE_CLIENT_ID"]);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.DoesNotContain(settings.Values, v => v.Contains("AccountKey", StringComparison.OrdinalIgnoreCase) || v.Contains("listKeys", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void App_table_client_uses_the_table_endpoint_and_the_managed_identity()
    {
        var settings = Settings;

        var endpoint = Api.Resolve(settings["Alerts__Storage__Tables__endpoint"]);
        Assert.Equal("[format('https://{0}.table.{1}', parameters('storageAccountName'), environment().suffixes.storage)]", endpoint);
        Assert.Equal("managedidentity", settings["Alerts__Storage__Tables__credential"]);
        Assert.Equal("[parameters('identityClientId')]", settings["Alerts__Storage__Tables__clientId"]);
    }

    [Fact]
    public void App_queue_client_uses_the_queue_service_uri_and_the_managed_identity()
    {
        var settings = Settings;

        var serviceUri = Api.Resolve(settings["Alerts__Storage__Queues__serviceUri"]);
        Assert.Equal("[format('https://{0}.queue.{1}', parameters('storageAccountName'), environment().suffixes.storage)]", serviceUri);
        Assert.Equal("managedidentity", settings["Alerts__Storage__Queues__credential"]);
        Assert.Equal("[parameters('identityClientId')]", settings["Alerts__Storage__Queues__clientId"]);
    }

    [Theory]
    [InlineData("Alerts__AdminKey", "adminKeySecretUri")]
    [InlineData("Alerts__Unsubscribe__SigningKey", "unsubscribeSigningKeySecretUri")]
    [InlineData("Alerts__Smtp__Password", "smtpPasswordSecretUri")]
    public void Secrets_are_key_vault_references(string setting, string secretUriParameter)
    {
        var value = Settings[setting];

        Assert.Contains("'@Microsoft.KeyVault(SecretUri={0})'", value, StringComparison.Ordinal);
        Assert.Contains($"parameters('{secretUriParameter}')", value, StringComparison.Ordinal);
    }

    [Fact]
    public void No_secret_value_is_written_into_the_settings()
    {
        var secureParameters = Api.Parameters.Where(p => (string?)p.Value!["type"] == "securestring").Select(p => p.Key).ToList();

        Assert.NotEmpty(secureParameters);
        Assert.All(Settings.Values, value => Assert.All(secureParameters, secret => Assert.DoesNotContain($"parameters('{secret}')", value, StringComparison.Ordinal)));
    }

    [Fact]
    public void Application_insights_is_reached_with_entra_id_as_the_identity()
    {
        var settings = Settings;

        Assert.Equal("[parameters('applicationInsightsConnectionString')]", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        Assert.Equal("[format('ClientId={0};Authorization=AAD', parameters('identityClientId'))]", settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]);
        Assert.Contains("outputs.applicationInsightsConnectionString.value", infra.Main.ModuleParameter("api", "applicationInsightsConnectionString")!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Poll_schedule_defaults_to_every_five_minutes()
    {
        Assert.Equal("[parameters('pollSchedule')]", Settings["Alerts__PollSchedule"]);
        Assert.Equal("0 */5 * * * *", infra.Main.Variables["defaultPollSchedule"]!.ToString());
        // An unset ALERTS_POLL_SCHEDULE reaches the template as '' and must still give the default.
        var passed = infra.Main.Module("api")["properties"]!["parameters"]!["pollSchedule"]!.ToString();
        Assert.Contains("if(empty(parameters('pollSchedule')), createObject('value', variables('defaultPollSchedule'))", passed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Alerts__Smtp__Host", "[parameters('smtpHost')]")]
    [InlineData("Alerts__Smtp__Port", "[string(parameters('smtpPort'))]")]
    [InlineData("Alerts__Smtp__From", "[parameters('smtpFrom')]")]
    [InlineData("Alerts__Smtp__User", "[parameters('smtpUser')]")]
    public void Smtp_settings_come_from_parameters(string setting, string expected)
    {
        Assert.Equal(expected, Settings[setting]);
    }

    [Theory]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION")]
    [InlineData("WEBSITE_RUN_FROM_PACKAGE")]
    [InlineData("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING")]
    [InlineData("WEBSITE_CONTENTSHARE")]
    [InlineData("AzureWebJobsStorage")]
    public void Settings_that_flex_consumption_rejects_or_that_hold_keys_are_absent(string setting)
    {
        Assert.DoesNotContain(setting, Settings.Keys);
    }

    [Fact]
    public void Deployment_guide_documents_every_setting()
    {
        var guide = Repository.ReadAllText("docs", "deploy.md");

        Assert.All(Settings.Keys, name => Assert.Contains($"`{name}`", guide, StringComparison.Ordinal));
    }

    [Fact]
    public void Setting_names_use_double_underscores_as_linux_requires()
    {
        Assert.All(Settings.Keys, name => Assert.DoesNotContain(":", name, StringComparison.Ordinal));
    }
}
