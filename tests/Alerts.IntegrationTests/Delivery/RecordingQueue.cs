using System.Collections.Concurrent;
using System.Text.Json;
using Alerts.Core;
using Alerts.Core.Deals;
using Alerts.Core.Delivery;
using Alerts.Core.Feeds;
using Alerts.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.IntegrationTests.Delivery;

/// <summary>
/// An in-memory <see cref="IMessageQueue"/> that records every message ever sent (as the JSON a real queue would carry)
/// and lets the test run the stage functions' Core services on them, in order, as often as it likes.
/// Nothing reaches the shared Azurite queues, so other tests' hosts never see these messages.
/// </summary>
internal sealed class RecordingQueue : IMessageQueue
{
    private readonly ConcurrentQueue<(string Queue, string Json)> pending = new();

    public ConcurrentQueue<(string Queue, string Json)> Sent { get; } = new();

    public Task SendAsync<T>(string queueName, T message, CancellationToken cancellationToken, TimeSpan? visibilityDelay = null)
    {
        var json = JsonSerializer.Serialize(message, AlertsJson.Options);
        Sent.Enqueue((queueName, json));
        if (visibilityDelay is null)
        {
            // Delayed messages are retries, which the tests of retries run on a real queue; draining them here would spin.
            pending.Enqueue((queueName, json));
        }

        return Task.CompletedTask;
    }

    /// <summary>Processes queued messages (and those they produce) until none is left.</summary>
    public async Task DrainAsync(IServiceProvider services)
    {
        while (pending.TryDequeue(out var message))
        {
            await ProcessAsync(services, message);
        }
    }

    /// <summary>Runs the Core service of the stage that consumes <paramref name="message"/>'s queue.</summary>
    public static async Task ProcessAsync(IServiceProvider services, (string Queue, string Json) message)
    {
        switch (message.Queue)
        {
            case StorageNames.FeedsQueue:
                await services.GetRequiredService<FeedFetcher>().FetchAsync(JsonSerializer.Deserialize<FeedFetchMessage>(message.Json, AlertsJson.Options)!.FeedId, default);
                break;
            case StorageNames.ArticlesQueue:
                await services.GetRequiredService<DealProcessor>().ProcessAsync(JsonSerializer.Deserialize<ArticleMessage>(message.Json, AlertsJson.Options)!, default);
                break;
            case StorageNames.AlertsQueue:
                await services.GetRequiredService<AlertDeliverer>().DeliverAsync(JsonSerializer.Deserialize<AlertMessage>(message.Json, AlertsJson.Options)!, default);
                break;
            default:
                throw new InvalidOperationException($"No stage reads {message.Queue}.");
        }
    }
}
