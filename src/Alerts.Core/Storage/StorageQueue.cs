using System.Diagnostics;
using System.Text.Json;
using Alerts.Core.Telemetry;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace Alerts.Core.Storage;

/// <summary>Sends JSON messages through a <see cref="QueueServiceClient"/> configured for base64 (what queue triggers expect).</summary>
internal sealed class StorageQueue(QueueServiceClient queues, TimeProvider clock) : IMessageQueue
{
    public async Task SendAsync<T>(string queueName, T message, CancellationToken cancellationToken, TimeSpan? visibilityDelay = null)
    {
        if (message is QueueMessageBase traced)
        {
            // Carry the sender's trace, so the consumer continues it (Storage queues do not propagate it themselves).
            message = (T)(object)(traced with { TraceParent = Activity.Current?.Id ?? traced.TraceParent, EnqueuedAt = clock.GetUtcNow() });
        }

        var body = JsonSerializer.Serialize(message, AlertsJson.Options);
        await queues.GetQueueClient(queueName)
            .SendMessageAsync(body, visibilityDelay, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken)
            .ConfigureAwait(false);
    }
}

/// <summary>Creates Alerts' queues (and their poison queues) and tables if they do not exist.</summary>
public sealed class StorageInitializer(QueueServiceClient queues, TableServiceClient tables)
{
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        var work = StorageNames.Queues
            .SelectMany(q => new[] { q, StorageNames.PoisonQueueOf(q) })
            .Select(q => (Task)queues.GetQueueClient(q).CreateIfNotExistsAsync(cancellationToken: cancellationToken))
            .Concat(StorageNames.Tables.Select(t => (Task)tables.GetTableClient(t).CreateIfNotExistsAsync(cancellationToken)));
        await Task.WhenAll(work).ConfigureAwait(false);
    }
}
