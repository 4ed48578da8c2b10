using Microsoft.AspNetCore.Mvc;

namespace Alerts.Functions.Tests.Functions;

internal static class ProblemAssert
{
    /// <summary>Asserts an RFC 9457 problem result with this status and, when given, the field at fault.</summary>
    public static ProblemDetails IsProblem(IActionResult result, int status, string? field = null)
    {
        var objectResult = Assert.IsType<ObjectResult>(result);
        Assert.Equal(status, objectResult.StatusCode);
        Assert.Contains("application/problem+json", objectResult.ContentTypes);
        var problem = Assert.IsType<ProblemDetails>(objectResult.Value);
        Assert.Equal(status, problem.Status);
        if (field is not null)
        {
            Assert.Equal(field, problem.Extensions["field"]);
        }

        return problem;
    }
}
