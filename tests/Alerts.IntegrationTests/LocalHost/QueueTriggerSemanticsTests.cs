using System.Collections.Concurrent;
using Alerts.Cli.LocalHost;
using Alerts.IntegrationTests.Infrastructure;
using Azure.Storage.Queues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Alerts.IntegrationTests.LocalHost;

/// <summary>A queue function for these tests: fails on messages containing "poison", records the rest.</summary>
public sealed class FlakyFunction(FlakyFunction.Recorder recorder)
{
    public const string QueueName = "semantics-test";

    [Function("Flaky")]
    public Task Run([QueueTrigger(QueueName)] string message)
    {
        recorder.Attempts.Enqueue(message);
        if (message.Contains("poison", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("cannot process " + message);
        }

        recorder.Succeeded.Enqueue(message);
        return Task.CompletedTask;
    }

    public sealed class Recorder
    {
        public ConcurrentQueue<string> Attempts { get; } = new();
        public ConcurrentQueue<string> Succeeded { get; } = new();
    }
}

[Collection(AzuriteCollection.Name)]
public sealed class QueueTriggerSemanticsTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task A_poisoned_message_ends_in_the_poison_queue_after_maxDequeueCount_while_the_others_go_through()
    {
        var settings = new HostJsonSettings { MaxDequeueCount = 3, VisibilityTimeout = TimeSpan.Zero, MaxPollingInterval = TimeSpan.FromMilliseconds(200) };
        var function = Assert.Single(FunctionCatalog.Discover(typeof(FlakyFunction).Assembly));
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(new QueueServiceClient(azurite.ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }));
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<FlakyFunction.Recorder>();
        builder.Services.AddScoped<FlakyFunction>();
        builder.Services.AddSingleton<IHostedService>(sp => ActivatorUtilities.CreateInstance<QueueTriggerListener>(sp, function));
        using var host = builder.Build();
        var queues = host.Services.GetRequiredService<QueueServiceClient>();
        var queue = queues.GetQueueClient(FlakyFunction.QueueName);
        var poison = queues.GetQueueClient(FlakyFunction.QueueName + "-poison");
        await queue.CreateIfNotExistsAsync();
        await poison.DeleteIfExistsAsync();
        foreach (var body in new[] { "ok-1", "poison-pill", "ok-2" })
        {
            await queue.SendMessageAsync(body);
        }

        await host.StartAsync();
        var recorder = host.Services.GetRequiredService<FlakyFunction.Recorder>();
        await Eventually.TrueAsync(
            async () => await poison.ExistsAsync() && (await poison.PeekMessagesAsync()).Value.Length == 1,
            "the poison message in semantics-test-poison");
        await host.StopAsync();

        Assert.Equal(["ok-1", "ok-2"], recorder.Succeeded.Order());
        Assert.Equal(3, recorder.Attempts.Count(a => a == "poison-pill"));
        Assert.Equal("poison-pill", (await poison.PeekMessagesAsync()).Value.Single().Body.ToString());
        Assert.Empty((await queue.PeekMessagesAsync()).Value);
    }
}
