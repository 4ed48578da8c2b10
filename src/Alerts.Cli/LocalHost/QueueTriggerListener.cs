using System.Text.Json;
using Alerts.Core;
using Alerts.Core.Telemetry;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Alerts.Cli.LocalHost;

/// <summary>
/// Runs one queue-triggered function with the Functions host's queue semantics from host.json:
/// batches of <c>batchSize</c>, a new batch when in-flight work drops to <c>newBatchThreshold</c>, polling that backs
/// off up to <c>maxPollingInterval</c>, a failed message made visible again after <c>visibilityTimeout</c>, and after
/// <c>maxDequeueCount</c> attempts the message moved to <c>&lt;queue&gt;-poison</c>.
/// </summary>
internal sealed partial class QueueTriggerListener(
    FunctionDescriptor function,
    QueueServiceClient queues,
    IServiceScopeFactory scopes,
    HostJsonSettings settings,
    TimeProvider clock,
    ILogger<QueueTriggerListener> logger) : BackgroundService
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);
    private readonly QueueFunctionTrigger trigger = (QueueFunctionTrigger)function.Trigger;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = queues.GetQueueClient(trigger.QueueName);
        var poison = queues.GetQueueClient(Core.Storage.StorageNames.PoisonQueueOf(trigger.QueueName));
        await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
        var inFlight = new List<Task>();
        var delay = MinPollingInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            inFlight.RemoveAll(t => t.IsCompleted);
            if (inFlight.Count > settings.NewBatchThreshold)
            {
                await Task.WhenAny(inFlight).ConfigureAwait(false);
                continue;
            }

            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(settings.BatchSize, settings.MessageLease, stoppingToken).ConfigureAwait(false)).Value;
            }
            catch (Azure.RequestFailedException ex)
            {
                LogPollFailed(logger, trigger.QueueName, ex.Message);
                messages = [];
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            if (messages.Length == 0)
            {
                try
                {
                    await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Math.Max(settings.MaxPollingInterval.Ticks, MinPollingInterval.Ticks)));
                continue;
            }

            delay = MinPollingInterval;
            inFlight.AddRange(messages.Select(m => ProcessAsync(queue, poison, m, stoppingToken)));
        }

        await Task.WhenAll(inFlight).ConfigureAwait(false);
    }

    private async Task ProcessAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken stoppingToken)
    {
        // A message that already failed maxDequeueCount times (e.g. it crashed a previous host) goes straight to poison.
        if (message.DequeueCount > settings.MaxDequeueCount)
        {
            await MoveToPoisonAsync(queue, poison, message, "dequeued more than maxDequeueCount times").ConfigureAwait(false);
            return;
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(settings.FunctionTimeout);
            await using var scope = scopes.CreateAsyncScope();
            var body = message.Body.ToString();
            using var activity = StartActivity(body);
            await FunctionInvoker.InvokeAsync(function, scope.ServiceProvider, p => BindQueueParameter(p, body, timeout.Token)).ConfigureAwait(false);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, CancellationToken.None).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the message becomes visible again when its lease ends, as on the Functions host.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            if (message.DequeueCount >= settings.MaxDequeueCount)
            {
                LogFailed(logger, function.Name, message.MessageId, message.DequeueCount, settings.MaxDequeueCount, ex.Message, "no more retries");
                await MoveToPoisonAsync(queue, poison, message, ex.Message).ConfigureAwait(false);
                return;
            }

            LogFailed(logger, function.Name, message.MessageId, message.DequeueCount, settings.MaxDequeueCount, ex.Message, $"retry in {settings.VisibilityTimeout.TotalSeconds:0} s");
            try
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }
            catch (Azure.RequestFailedException)
            {
                // The lease was lost; the message reappears when it ends, which is the same outcome later.
            }
        }
    }

    // As the worker middleware does in Azure: continue the trace the message carries.
    private System.Diagnostics.Activity? StartActivity(string body)
    {
        QueueMessageBase? envelope = null;
        if (typeof(QueueMessageBase).IsAssignableFrom(trigger.MessageType))
        {
            try
            {
                envelope = JsonSerializer.Deserialize(body, trigger.MessageType, AlertsJson.Options) as QueueMessageBase;
            }
            catch (JsonException)
            {
                // Bad messages fail in binding below, with the binding's error.
            }
        }

        return AlertsTelemetry.StartProcessing(function.Name, trigger.QueueName, envelope?.TraceParent, envelope?.EnqueuedAt, clock);
    }

    private (bool, object?) BindQueueParameter(System.Reflection.ParameterInfo parameter, string body, CancellationToken cancellationToken)
    {
        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return (true, cancellationToken);
        }

        if (parameter.ParameterType == trigger.MessageType && parameter.GetCustomAttributes(false).Any(a => a is Microsoft.Azure.Functions.Worker.QueueTriggerAttribute))
        {
            return (true, trigger.MessageType == typeof(string) ? body : JsonSerializer.Deserialize(body, trigger.MessageType, AlertsJson.Options)
                ?? throw new JsonException($"The {trigger.QueueName} message is null."));
        }

        return (false, null);
    }

    private async Task MoveToPoisonAsync(QueueClient queue, QueueClient poison, QueueMessage message, string reason)
    {
        await poison.CreateIfNotExistsAsync().ConfigureAwait(false);
        await poison.SendMessageAsync(message.Body, timeToLive: TimeSpan.FromSeconds(-1)).ConfigureAwait(false);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt).ConfigureAwait(false);
        LogPoisoned(logger, message.MessageId, poison.Name, reason);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function} failed on message {MessageId} (attempt {Attempt} of {Max}): {Reason}; {Next}")]
    private static partial void LogFailed(ILogger logger, string function, string messageId, long attempt, int max, string reason, string next);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} moved to {PoisonQueue} ({Reason}). Inspect it in Azurite (e.g. Azure Storage Explorer) and requeue it once fixed.")]
    private static partial void LogPoisoned(ILogger logger, string messageId, string poisonQueue, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling queue {Queue} failed: {Reason}. Is storage (Azurite) still running?")]
    private static partial void LogPollFailed(ILogger logger, string queue, string reason);
}
