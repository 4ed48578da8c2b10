using Alerts.Cli.LocalHost;
using Alerts.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Alerts.IntegrationTests.Infrastructure;

/// <summary>A private Azurite for the test run: in memory, free ports, stopped at the end (the same launcher as <c>alerts run --ephemeral</c>).</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private AzuriteInstance? azurite;

    public string ConnectionString => azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite is not started.");

    public async Task InitializeAsync() =>
        azurite = await AzuriteLauncher.StartAsync(new AzuriteLaunchOptions(Ephemeral: true), _ => { }, CancellationToken.None);

    public async Task DisposeAsync()
    {
        if (azurite is not null)
        {
            await azurite.DisposeAsync();
        }
    }

    /// <summary>A started host with every Core service wired to this Azurite (queues and tables created).</summary>
    public async Task<IHost> StartCoreHostAsync(IDictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = ConnectionString,
            ["Alerts:AllowLoopback"] = "true",
            ["Alerts:Unsubscribe:SigningKey"] = "integration-test-unsubscribe-signing-key",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddAlertsCore();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
