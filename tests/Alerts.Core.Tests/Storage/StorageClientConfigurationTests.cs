using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Alerts.Core.Tests.Storage;

/// <summary>The same code reads a connection string locally and identity-based settings in Azure.</summary>
public class StorageClientConfigurationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddAlertsCore();
        return builder.Services.BuildServiceProvider();
    }

    [Fact]
    public void Falls_back_to_the_AzureWebJobsStorage_connection_string()
    {
        using var services = Build(new() { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        Assert.Equal("devstoreaccount1", services.GetRequiredService<TableServiceClient>().AccountName);
        Assert.Equal("devstoreaccount1", services.GetRequiredService<QueueServiceClient>().AccountName);
    }

    [Fact]
    public void Uses_identity_based_endpoints_from_Alerts_Storage_settings()
    {
        using var services = Build(new()
        {
            ["AzureWebJobsStorage:accountName"] = "ignoredforappclients",
            ["Alerts:Storage:Tables:endpoint"] = "https://alertsprod.table.core.windows.net",
            ["Alerts:Storage:Tables:credential"] = "managedidentity",
            ["Alerts:Storage:Tables:clientId"] = "00000000-0000-0000-0000-000000000001",
            ["Alerts:Storage:Queues:serviceUri"] = "https://alertsprod.queue.core.windows.net",
            ["Alerts:Storage:Queues:credential"] = "managedidentity",
            ["Alerts:Storage:Queues:clientId"] = "00000000-0000-0000-0000-000000000001",
        });

        var tables = services.GetRequiredService<TableServiceClient>();
        var queues = services.GetRequiredService<QueueServiceClient>();

        Assert.Equal(new Uri("https://alertsprod.table.core.windows.net"), tables.Uri);
        Assert.Equal(new Uri("https://alertsprod.queue.core.windows.net"), queues.Uri);
        Assert.Equal("alertsprod", queues.AccountName);
    }
}
