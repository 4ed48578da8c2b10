using System.Net.Http.Json;
using Alerts.Cli.LocalHost;
using Microsoft.AspNetCore.Builder;

namespace Alerts.IntegrationTests.Infrastructure;

/// <summary>The local host (the same one <c>alerts run</c> starts) on a free port against the test Azurite.</summary>
public sealed class RunningLocalHost : IAsyncDisposable
{
    public const string AdminKey = "test-admin-key";

    private readonly WebApplication app;

    private RunningLocalHost(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Admin = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        Admin.DefaultRequestHeaders.Add("x-functions-key", AdminKey);
    }

    /// <summary>A client without the admin key.</summary>
    public HttpClient Client { get; }

    /// <summary>A client sending the admin key.</summary>
    public HttpClient Admin { get; }

    /// <summary>The host's services, to arrange state the API cannot create (e.g. a stored deal).</summary>
    public IServiceProvider Services => app.Services;

    public static async Task<RunningLocalHost> StartAsync(string storageConnectionString, IDictionary<string, string?>? settings = null, bool sample = false)
    {
        // No backfill by default: tests share one Azurite, and other tests' deals must not reach this test's subscribers.
        var overrides = new Dictionary<string, string?> { ["Alerts:AdminKey"] = AdminKey, ["Alerts:SubscriptionBackfill"] = "00:00:00" };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        var app = LocalFunctionHost.Build(new LocalHostOptions
        {
            Url = "http://127.0.0.1:0",
            StorageConnectionString = storageConnectionString,
            Sample = sample,
            ConsoleLogging = false,
            Overrides = overrides,
        });
        await app.StartAsync();
        return new RunningLocalHost(app, LocalFunctionHost.BaseAddress(app));
    }

    /// <summary>A service of the running host (to arrange state the API cannot create, such as a failing feed).</summary>
    public T Service<T>()
        where T : notnull => Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<T>(app.Services);

    public async Task<HttpResponseMessage> PostAsync(string path, object body) =>
        await Admin.PostAsJsonAsync(path, body);

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Admin.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
