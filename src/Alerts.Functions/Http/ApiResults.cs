using Alerts.Core.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Alerts.Functions.Http;

/// <summary>Maps Core API outcomes to MVC results: values as JSON, problems as RFC 9457 <c>application/problem+json</c>.</summary>
public static class ApiResults
{
    /// <summary>Title of the 500 problem.</summary>
    public const string UnexpectedErrorTitle = "An unexpected error occurred.";

    public static IActionResult From<T>(ApiResult<T> result, Func<T, object?>? project = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Problem is { } problem)
        {
            return Problem(problem);
        }

        if (result.Status == StatusCodes.Status204NoContent)
        {
            return new NoContentResult();
        }

        var body = project is null ? result.Value : project(result.Value!);
        var ok = new ObjectResult(body) { StatusCode = result.Status };
        return result.ETag is { } etag ? new WithETag(ok, etag) : ok;
    }

    /// <summary>The If-Match header of the request, if any (for conditional updates).</summary>
    public static string? IfMatch(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var value = request.Headers.IfMatch.ToString();
        return value.Length == 0 ? null : value;
    }

    public static IActionResult Problem(ApiProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var details = Details(problem);
        if (problem.Field is not null)
        {
            details.Extensions["field"] = problem.Field;
        }

        return ProblemResult(details);
    }

    public static IActionResult Unauthorized() =>
        Problem(new ApiProblem(StatusCodes.Status401Unauthorized, "Unauthorized", "This endpoint needs the admin key in the x-functions-key header."));

    /// <summary>
    /// The 500 problem for an exception that escaped a function: the request path as <c>instance</c> and the trace id
    /// to quote, never the exception's message or stack (they can hold connection strings or subscribers' addresses).
    /// </summary>
    public static IActionResult UnexpectedError(string traceId, string instance)
    {
        var details = Details(new ApiProblem(StatusCodes.Status500InternalServerError, UnexpectedErrorTitle, "The request failed on the server; quote the traceId when reporting it."));
        details.Instance = instance;
        details.Extensions["traceId"] = traceId;
        return ProblemResult(details);
    }

    private static ProblemDetails Details(ApiProblem problem) => new()
    {
        Status = problem.Status,
        Title = problem.Title,
        Detail = problem.Detail,
        Type = $"https://httpstatuses.io/{problem.Status}",
    };

    private static ObjectResult ProblemResult(ProblemDetails details)
    {
        var result = new ObjectResult(details) { StatusCode = details.Status };
        result.ContentTypes.Add("application/problem+json");
        return result;
    }
}

/// <summary>Sets the ETag header, then writes the inner result.</summary>
internal sealed class WithETag(IActionResult inner, string etag) : IActionResult
{
    /// <summary>The result written after the header.</summary>
    public IActionResult Inner => inner;

    /// <summary>The ETag header value.</summary>
    public string ETag => etag;

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.HttpContext.Response.Headers.ETag = etag;
        return inner.ExecuteResultAsync(context);
    }
}
