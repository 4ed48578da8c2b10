using System.Text.RegularExpressions;
using Alerts.Infra.Tests.Infrastructure;

namespace Alerts.Infra.Tests;

[Collection(CompiledInfraCollection.Name)]
public sealed class StorageTests(CompiledInfra infra)
{
    private ArmTemplate Storage => infra.Main.ModuleTemplate("storage");

    [Fact]
    public void Storage_account_accepts_only_entra_id_over_tls_1_2_and_no_anonymous_blobs()
    {
        var properties = Storage.Single("Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.False((bool)properties["allowSharedKeyAccess"]!);
        Assert.True((bool)properties["defaultToOAuthAuthentication"]!);
        Assert.False((bool)properties["allowBlobPublicAccess"]!);
        Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
        Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
    }

    [Fact]
    public void Storage_has_the_pipeline_queues_and_their_poison_queues()
    {
        string[] expected = ["feeds", "feeds-poison", "articles", "articles-poison", "alerts", "alerts-poison"];

        Assert.Equal(expected, PassedNames("queues"));
        Assert.Contains("parameters('queues')[copyIndex()]", (string)Storage.Single("Microsoft.Storage/storageAccounts/queueServices/queues")["name"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Storage_has_the_pipeline_tables()
    {
        string[] expected = ["Feeds", "FeedItems", "Deals", "Subscriptions", "Deliveries"];

        Assert.Equal(expected, PassedNames("tables"));
        Assert.Contains("parameters('tables')[copyIndex()]", (string)Storage.Single("Microsoft.Storage/storageAccounts/tableServices/tables")["name"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Queues_and_tables_are_those_the_app_names_in_StorageNames()
    {
        // The app creates missing queues and tables itself, but a name that differs here would leave the created ones unused.
        var constants = Regex.Matches(
                Repository.ReadAllText("src", "Alerts.Core", "Storage", "StorageNames.cs"),
                @"public const string (?<name>\w+) = ""(?<value>[^""]+)"";")
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);
        var queues = constants.Where(c => c.Key.EndsWith("Queue", StringComparison.Ordinal)).Select(c => c.Value).ToList();
        var tables = constants.Where(c => c.Key.EndsWith("Table", StringComparison.Ordinal)).Select(c => c.Value).ToList();

        Assert.NotEmpty(queues);
        Assert.NotEmpty(tables);
        Assert.Equal(queues.SelectMany(q => new[] { q, q + "-poison" }).Order(), PassedNames("queues").Order());
        Assert.Equal(tables.Order(), PassedNames("tables").Order());
    }

    [Fact]
    public void Storage_redundancy_is_a_parameter_defaulting_to_locally_redundant()
    {
        Assert.Equal("Standard_LRS", (string?)infra.Main.Parameters["storageSkuName"]!["defaultValue"]);
        Assert.Equal("[parameters('storageSkuName')]", infra.Main.ModuleParameter("storage", "skuName")!.ToString());
        Assert.Equal("[parameters('skuName')]", (string?)Storage.Single("Microsoft.Storage/storageAccounts")["sku"]!["name"]);
    }

    [Fact]
    public void Blob_containers_are_private()
    {
        var container = Storage.Single("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.Equal("None", (string?)container["properties"]!["publicAccess"]);
    }

    private List<string> PassedNames(string parameter) =>
        infra.Main.ModuleParameter("storage", parameter)!.AsArray().Select(n => n!.ToString()).ToList();
}
