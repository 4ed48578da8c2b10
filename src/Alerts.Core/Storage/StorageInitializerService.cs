using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Storage;

/// <summary>Creates queues and tables when the host starts; a failure is logged, not fatal (infra may own them).</summary>
internal sealed partial class StorageInitializerService(StorageInitializer initializer, ILogger<StorageInitializerService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await initializer.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
            LogFailed(logger, ex.Message);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not create the storage queues and tables: {Reason}. Check AzureWebJobsStorage / Alerts:Storage and that storage is running.")]
    private static partial void LogFailed(ILogger logger, string reason);
}
