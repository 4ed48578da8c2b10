using System.Text.Json;
using Alerts.Cli.LocalHost;

namespace Alerts.Cli.Tests.LocalHost;

public class HostJsonSettingsTests
{
    private static HostJsonSettings Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return HostJsonSettings.Parse(document.RootElement);
    }

    [Fact]
    public void Uses_the_Functions_host_defaults_when_settings_are_absent()
    {
        var settings = Parse("""{ "version": "2.0" }""");

        Assert.Equal(TimeSpan.FromMinutes(1), settings.MaxPollingInterval);
        Assert.Equal(TimeSpan.Zero, settings.VisibilityTimeout);
        Assert.Equal(16, settings.BatchSize);
        Assert.Equal(8, settings.NewBatchThreshold);
        Assert.Equal(5, settings.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromMinutes(10), settings.FunctionTimeout);
    }

    [Fact]
    public void Uses_defaults_when_extensions_have_no_queues_section()
    {
        var settings = Parse("""{ "version": "2.0", "extensions": { "http": { "routePrefix": "api" } } }""");

        Assert.Equal(new HostJsonSettings(), settings);
    }

    [Fact]
    public void Reads_queue_settings_and_function_timeout_like_the_repository_host_json()
    {
        var settings = Parse("""
            {
              "version": "2.0",
              "functionTimeout": "00:05:00",
              "logging": { "logLevel": { "default": "Information" } },
              "extensions": {
                "queues": {
                  "maxPollingInterval": "00:00:02",
                  "visibilityTimeout": "00:00:30",
                  "batchSize": 4,
                  "newBatchThreshold": 2,
                  "maxDequeueCount": 3,
                  "messageEncoding": "base64"
                },
                "http": { "routePrefix": "api" }
              }
            }
            """);

        Assert.Equal(TimeSpan.FromSeconds(2), settings.MaxPollingInterval);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.VisibilityTimeout);
        Assert.Equal(4, settings.BatchSize);
        Assert.Equal(2, settings.NewBatchThreshold);
        Assert.Equal(3, settings.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromMinutes(5), settings.FunctionTimeout);
        Assert.Equal(TimeSpan.FromMinutes(6), settings.MessageLease);
    }

    [Fact]
    public void Loads_the_repository_host_json()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "host.json");
        Assert.True(File.Exists(path), "host.json is copied next to the CLI");

        var settings = HostJsonSettings.Load(path);

        Assert.Equal(TimeSpan.FromSeconds(2), settings.MaxPollingInterval);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.VisibilityTimeout);
        Assert.Equal(16, settings.BatchSize);
        Assert.Equal(8, settings.NewBatchThreshold);
        Assert.Equal(5, settings.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromMinutes(10), settings.FunctionTimeout);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(64, 32)]
    public void Batch_size_is_kept_within_the_queue_service_limits(int configured, int expected)
    {
        Assert.Equal(expected, Parse($$"""{ "extensions": { "queues": { "batchSize": {{configured}} } } }""").BatchSize);
    }

    [Fact]
    public void Max_dequeue_count_is_at_least_one()
    {
        Assert.Equal(1, Parse("""{ "extensions": { "queues": { "maxDequeueCount": 0 } } }""").MaxDequeueCount);
    }

    [Theory]
    [InlineData("""{ "extensions": { "queues": { "visibilityTimeout": "thirty seconds" } } }""", "visibilityTimeout", "thirty seconds")]
    [InlineData("""{ "extensions": { "queues": { "maxPollingInterval": "2s" } } }""", "maxPollingInterval", "2s")]
    [InlineData("""{ "functionTimeout": "ten minutes" }""", "functionTimeout", "ten minutes")]
    public void Bad_timespan_is_a_FormatException_naming_the_setting(string json, string setting, string value)
    {
        var ex = Assert.Throws<FormatException>(() => Parse(json));

        Assert.Contains($"'{setting}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", ex.Message, StringComparison.Ordinal);
    }
}
