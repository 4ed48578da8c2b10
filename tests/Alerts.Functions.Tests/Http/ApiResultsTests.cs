using Alerts.Core.Api;
using Alerts.Functions.Http;
using Microsoft.AspNetCore.Mvc;

namespace Alerts.Functions.Tests.Http;

public class ApiResultsTests
{
    [Fact]
    public void Success_is_an_object_result_with_the_status_and_value()
    {
        var result = Assert.IsType<ObjectResult>(ApiResults.From(ApiResult<string>.Created("made")));

        Assert.Equal(201, result.StatusCode);
        Assert.Equal("made", result.Value);
        Assert.Empty(result.ContentTypes);
    }

    [Fact]
    public void Success_value_can_be_projected()
    {
        var result = Assert.IsType<ObjectResult>(ApiResults.From(ApiResult<int>.Ok(21), v => v * 2));

        Assert.Equal(42, result.Value);
    }

    [Fact]
    public void Problem_is_problem_details_with_field_type_and_problem_json()
    {
        var result = Assert.IsType<ObjectResult>(ApiResults.From(ApiResult<string>.Fail(ApiProblem.Invalid("target", "Bad target."))));

        Assert.Equal(400, result.StatusCode);
        Assert.Equal(["application/problem+json"], result.ContentTypes);
        var problem = Assert.IsType<ProblemDetails>(result.Value);
        Assert.Equal((400, "Invalid request", "Bad target.", "https://httpstatuses.io/400"), (problem.Status, problem.Title, problem.Detail, problem.Type));
        Assert.Equal("target", problem.Extensions["field"]);
    }

    [Fact]
    public void Problem_without_field_has_no_field_extension()
    {
        var problem = Assert.IsType<ProblemDetails>(Assert.IsType<ObjectResult>(ApiResults.Problem(ApiProblem.NotFound("feed"))).Value);

        Assert.False(problem.Extensions.ContainsKey("field"));
    }

    [Fact]
    public void Unauthorized_is_a_401_problem()
    {
        var result = Assert.IsType<ObjectResult>(ApiResults.Unauthorized());

        Assert.Equal(401, result.StatusCode);
        Assert.Equal(["application/problem+json"], result.ContentTypes);
    }
}
