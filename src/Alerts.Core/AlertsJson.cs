using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alerts.Core;

/// <summary>The one JSON configuration of Alerts: API bodies, queue messages and stored documents.</summary>
public static class AlertsJson
{
    /// <summary>camelCase, enums as camelCase strings, unknown members rejected (so typos in requests are errors).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.Strict,
            RespectNullableAnnotations = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
