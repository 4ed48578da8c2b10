using System.Text.Json.Nodes;
using Alerts.Infra.Tests.Infrastructure;

namespace Alerts.Infra.Tests;

[Collection(CompiledInfraCollection.Name)]
public sealed class AzdTests(CompiledInfra infra)
{
    private static JsonObject ParametersFile =>
        JsonNode.Parse(Repository.ReadAllText("infra", "main.parameters.json"))!["parameters"]!.AsObject();

    [Fact]
    public void Parameters_file_names_only_template_parameters()
    {
        Assert.All(ParametersFile, p => Assert.True(infra.Main.Parameters.ContainsKey(p.Key), $"main.bicep has no parameter {p.Key}"));
    }

    [Fact]
    public void Parameters_file_supplies_every_required_template_parameter()
    {
        var required = infra.Main.Parameters.Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key).ToList();

        Assert.NotEmpty(required);
        Assert.All(required, name => Assert.True(ParametersFile.ContainsKey(name), $"main.parameters.json does not supply {name}"));
    }

    [Theory]
    [InlineData("environmentName", "${AZURE_ENV_NAME}")]
    [InlineData("location", "${AZURE_LOCATION}")]
    [InlineData("adminKey", "${ALERTS_ADMIN_KEY}")]
    [InlineData("unsubscribeSigningKey", "${ALERTS_UNSUBSCRIBE_SIGNING_KEY}")]
    [InlineData("smtpPassword", "${ALERTS_SMTP_PASSWORD}")]
    public void Parameters_come_from_the_azd_environment(string parameter, string value)
    {
        Assert.Equal(value, (string?)ParametersFile[parameter]!["value"]);
    }

    [Theory]
    [InlineData("AZURE_LOCATION")]
    [InlineData("AZURE_TENANT_ID")]
    [InlineData("AZURE_RESOURCE_GROUP")]
    [InlineData("RESOURCE_GROUP")]
    [InlineData("AZURE_FUNCTION_NAME")]
    [InlineData("SERVICE_API_NAME")]
    [InlineData("SERVICE_API_URI")]
    public void Template_outputs_what_azd_and_the_docs_use(string output)
    {
        Assert.Equal("string", (string?)infra.Main.Outputs[output]?["type"]);
    }

    [Fact]
    public void No_output_exposes_a_secure_parameter()
    {
        foreach (var (module, template) in infra.Main.AllTemplates())
        {
            var secure = template.Parameters.Where(p => (string?)p.Value!["type"] is "securestring" or "secureObject").Select(p => p.Key).ToList();
            foreach (var output in template.Outputs)
            {
                var value = output.Value!["value"]!.ToString();
                Assert.All(secure, s => Assert.False(value.Contains($"parameters('{s}')", StringComparison.Ordinal), $"{module} output {output.Key} uses {s}"));
            }
        }
    }

    [Fact]
    public void Azure_yaml_deploys_the_function_project_as_service_api_with_bicep_from_infra()
    {
        var api = AzureYaml.Service("api");

        Assert.Equal("dotnet", api["language"]);
        Assert.Equal("function", api["host"]);
        Assert.True(File.Exists(Repository.PathOf(api["project"], "Alerts.Functions.csproj")), $"no Alerts.Functions.csproj in {api["project"]}");
        Assert.Equal(["api"], AzureYaml.ServiceNames());
        Assert.True(File.Exists(Repository.PathOf("infra", "main.bicep")));
    }
}
