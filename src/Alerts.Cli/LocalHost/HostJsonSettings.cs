using System.Globalization;
using System.Text.Json;

namespace Alerts.Cli.LocalHost;

/// <summary>
/// The parts of host.json the local host honours, with the Functions host's documented defaults
/// (https://learn.microsoft.com/azure/azure-functions/functions-bindings-storage-queue#host-json).
/// </summary>
internal sealed record HostJsonSettings
{
    public TimeSpan MaxPollingInterval { get; init; } = TimeSpan.FromMinutes(1);
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.Zero;
    public int BatchSize { get; init; } = 16;
    public int NewBatchThreshold { get; init; } = 8;
    public int MaxDequeueCount { get; init; } = 5;
    public TimeSpan FunctionTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a received message stays invisible while it is processed (the host's lease).</summary>
    public TimeSpan MessageLease => FunctionTimeout + TimeSpan.FromMinutes(1);

    public static HostJsonSettings Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return Parse(document.RootElement);
    }

    public static HostJsonSettings Parse(JsonElement root)
    {
        var settings = new HostJsonSettings();
        if (root.TryGetProperty("functionTimeout", out var timeout) && timeout.ValueKind == JsonValueKind.String)
        {
            settings = settings with { FunctionTimeout = ParseTimeSpan(timeout.GetString()!, "functionTimeout") };
        }

        if (!root.TryGetProperty("extensions", out var extensions) || !extensions.TryGetProperty("queues", out var queues))
        {
            return settings;
        }

        foreach (var property in queues.EnumerateObject())
        {
            settings = property.Name switch
            {
                "maxPollingInterval" => settings with { MaxPollingInterval = ParseTimeSpan(property.Value.GetString()!, property.Name) },
                "visibilityTimeout" => settings with { VisibilityTimeout = ParseTimeSpan(property.Value.GetString()!, property.Name) },
                "batchSize" => settings with { BatchSize = Math.Clamp(property.Value.GetInt32(), 1, 32) },
                "newBatchThreshold" => settings with { NewBatchThreshold = Math.Max(0, property.Value.GetInt32()) },
                "maxDequeueCount" => settings with { MaxDequeueCount = Math.Max(1, property.Value.GetInt32()) },
                _ => settings,
            };
        }

        return settings;
    }

    private static TimeSpan ParseTimeSpan(string value, string name) =>
        TimeSpan.TryParse(value, CultureInfo.InvariantCulture, out var span)
            ? span
            : throw new FormatException($"host.json: '{name}' must be a TimeSpan such as 00:00:30, not '{value}'.");
}
