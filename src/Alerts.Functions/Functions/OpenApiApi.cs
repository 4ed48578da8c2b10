using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Functions;

/// <summary>HTTP <c>GET /api/openapi.yaml</c>: the hand-written OpenAPI 3.1 description of the API, no key.</summary>
public sealed class OpenApiApi
{
    /// <summary>Name of the embedded resource (src/Alerts.Functions/OpenApi/openapi.yaml).</summary>
    public const string ResourceName = "Alerts.Functions.OpenApi.openapi.yaml";

    private static readonly Lazy<string> Document = new(() =>
    {
        using var stream = typeof(OpenApiApi).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    [Function("OpenApiDocument")]
    public static IActionResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.yaml")] HttpRequest request) =>
        new ContentResult { Content = Document.Value, ContentType = "application/yaml; charset=utf-8", StatusCode = StatusCodes.Status200OK };
}
