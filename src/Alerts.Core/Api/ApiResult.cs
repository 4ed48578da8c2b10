using System.Text.Json;
using System.Text.RegularExpressions;

namespace Alerts.Core.Api;

/// <summary>An RFC 9457 problem: status, title, detail and, for validation errors, the field at fault.</summary>
public sealed record ApiProblem(int Status, string Title, string Detail, string? Field = null)
{
    public static ApiProblem Invalid(string field, string detail) => new(400, "Invalid request", detail, field);
    public static ApiProblem NotFound(string what) => new(404, "Not found", $"No {what} has this id.");

    /// <summary>412: the If-Match header names a version that is no longer current (a lost update was prevented).</summary>
    public static ApiProblem PreconditionFailed() =>
        new(412, "Precondition failed", "The resource changed since the ETag in If-Match was read; read it again and retry.", "If-Match");

    public static ApiProblem Conflict(string field, string detail) => new(409, "Conflict", detail, field);
}

/// <summary>The outcome of an API operation: a value with its status, or a problem.</summary>
public sealed record ApiResult<T>(int Status, T? Value, ApiProblem? Problem)
{
    public bool IsSuccess => Problem is null;

    /// <summary>The entity tag of the returned resource, sent as the ETag header (for If-Match on updates).</summary>
    public string? ETag { get; init; }

    public static ApiResult<T> Ok(T value) => new(200, value, null);
    public static ApiResult<T> Created(T value) => new(201, value, null);
    public static ApiResult<T> NoContent() => new(204, default, null);
    public static ApiResult<T> Fail(ApiProblem problem) => new(problem.Status, default, problem);

    public static implicit operator ApiResult<T>(ApiProblem problem) => Fail(problem);
}

/// <summary>Reads JSON request bodies with Alerts' options, turning every failure into a problem naming the field.</summary>
public static partial class ApiJson
{
    /// <summary>Largest request body accepted, in bytes.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static async Task<ApiResult<T>> ReadAsync<T>(Stream body, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(body);
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return new ApiProblem(413, "Request body too large", $"The body must not exceed {MaxBodyBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return ApiProblem.Invalid("body", "The request needs a JSON body.");
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), AlertsJson.Requests);
            return value is null ? ApiProblem.Invalid("body", "The body must be a JSON object.") : ApiResult<T>.Ok(value);
        }
        catch (JsonException ex)
        {
            var unknown = UnknownMember().Match(ex.Message);
            if (unknown.Success)
            {
                var name = unknown.Groups[1].Value;
                return ApiProblem.Invalid(name, $"Unknown field '{name}'.");
            }

            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            return ApiProblem.Invalid(field, $"Malformed JSON or wrong type at '{field}'.");
        }
    }

    // System.Text.Json reports unmapped members only in its message; the name is what the client needs.
    [GeneratedRegex("The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnknownMember();
}
