using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alerts.Core;

/// <summary>The one JSON configuration of Alerts: API bodies, queue messages and stored documents.</summary>
public static class AlertsJson
{
    /// <summary>
    /// camelCase, enums as camelCase strings. Unknown members are ignored, so a queue message or stored row
    /// written by a newer version still reads during a rolling upgrade.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Create(JsonUnmappedMemberHandling.Skip);

    /// <summary>The same, but unknown members are errors: for API request bodies, where a typo must not pass silently.</summary>
    public static JsonSerializerOptions Requests { get; } = Create(JsonUnmappedMemberHandling.Disallow);

    private static JsonSerializerOptions Create(JsonUnmappedMemberHandling unmapped)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = unmapped,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.Strict,
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
