using System.Text;
using Alerts.Core.Api;
using Alerts.Core.Feeds;
using Alerts.Core.Subscriptions;

namespace Alerts.Core.Tests.Api;

public class ApiJsonTests
{
    private static Task<ApiResult<T>> Read<T>(string json)
        where T : class => ApiJson.ReadAsync<T>(new MemoryStream(Encoding.UTF8.GetBytes(json)), CancellationToken.None);

    [Fact]
    public async Task Reads_a_camelCase_body()
    {
        var result = await Read<CreateSubscriptionRequest>("""{"channel":"email","target":"ops@example.com","tickers":["9984.T"],"keywords":["SoftBank"]}""");

        Assert.True(result.IsSuccess);
        Assert.Equal(200, result.Status);
        Assert.Equal("email", result.Value!.Channel);
        Assert.Equal("ops@example.com", result.Value.Target);
        Assert.Equal(["9984.T"], result.Value.Tickers!);
        Assert.Equal(["SoftBank"], result.Value.Keywords!);
    }

    [Fact]
    public async Task Missing_fields_are_read_as_null_for_the_service_to_judge()
    {
        var result = await Read<CreateSubscriptionRequest>("{}");

        Assert.True(result.IsSuccess);
        Assert.Null(result.Value!.Channel);
        Assert.Null(result.Value.Tickers);
    }

    [Fact]
    public async Task Unknown_field_is_named_in_the_problem()
    {
        var result = await Read<CreateSubscriptionRequest>("""{"channel":"email","target":"ops@example.com","tikers":["GOOGL"]}""");

        Assert.Equal(400, result.Status);
        Assert.Equal("tikers", result.Problem!.Field);
        Assert.Equal("Unknown field 'tikers'.", result.Problem.Detail);
    }

    [Fact]
    public async Task Wrong_type_names_the_field()
    {
        var result = await Read<RegisterFeedRequest>("""{"url":42}""");

        Assert.Equal(400, result.Status);
        Assert.Equal("url", result.Problem!.Field);
        Assert.Contains("'url'", result.Problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_type_inside_a_list_names_the_element_path()
    {
        var result = await Read<CreateSubscriptionRequest>("""{"channel":"email","tickers":["GOOGL",7]}""");

        Assert.Equal(400, result.Status);
        Assert.Equal("tickers[1]", result.Problem!.Field);
    }

    [Theory]
    [InlineData("{\"url\":")]
    [InlineData("not json")]
    [InlineData("{\"url\":\"https://example.com/\"")]
    public async Task Malformed_json_is_a_400_problem(string body)
    {
        var result = await Read<RegisterFeedRequest>(body);

        Assert.Equal(400, result.Status);
        Assert.Equal("Invalid request", result.Problem!.Title);
        Assert.NotNull(result.Problem.Field);
    }

    [Fact]
    public async Task Top_level_value_that_is_not_an_object_names_the_body()
    {
        var result = await Read<RegisterFeedRequest>("[1,2]");

        Assert.Equal(400, result.Status);
        Assert.Equal("body", result.Problem!.Field);
    }

    [Fact]
    public async Task Json_null_body_is_a_400_problem_on_the_body()
    {
        var result = await Read<RegisterFeedRequest>("null");

        Assert.Equal(400, result.Status);
        Assert.Equal("body", result.Problem!.Field);
        Assert.Equal("The body must be a JSON object.", result.Problem.Detail);
    }

    [Fact]
    public async Task Empty_body_is_a_400_problem_on_the_body()
    {
        var result = await Read<RegisterFeedRequest>(string.Empty);

        Assert.Equal(400, result.Status);
        Assert.Equal("body", result.Problem!.Field);
        Assert.Equal("The request needs a JSON body.", result.Problem.Detail);
    }

    [Fact]
    public async Task Body_over_the_limit_is_413()
    {
        var json = "{\"url\":\"" + new string('a', ApiJson.MaxBodyBytes) + "\"}";

        var result = await Read<RegisterFeedRequest>(json);

        Assert.Equal(413, result.Status);
        Assert.Equal("Request body too large", result.Problem!.Title);
        Assert.Null(result.Problem.Field);
    }

    [Fact]
    public async Task Body_of_exactly_the_limit_is_read()
    {
        var prefix = "{\"url\":\"";
        var suffix = "\"}";
        var json = prefix + new string('a', ApiJson.MaxBodyBytes - prefix.Length - suffix.Length) + suffix;
        Assert.Equal(ApiJson.MaxBodyBytes, Encoding.UTF8.GetByteCount(json));

        var result = await Read<RegisterFeedRequest>(json);

        Assert.True(result.IsSuccess);
    }

    [Fact]
    public async Task Enum_values_are_camelCase_strings_and_integers_are_refused()
    {
        var ok = await Read<ProbeBody>("""{"channel":"webhook"}""");
        var numeric = await Read<ProbeBody>("""{"channel":1}""");

        Assert.Equal(SubscriptionChannel.Webhook, ok.Value!.Channel);
        Assert.Equal(400, numeric.Status);
        Assert.Equal("channel", numeric.Problem!.Field);
    }

    [Fact]
    public void Problem_helpers_carry_status_and_field()
    {
        var invalid = ApiProblem.Invalid("target", "bad");
        var notFound = ApiProblem.NotFound("subscription");
        ApiResult<string> failed = invalid;

        Assert.Equal((400, "target"), (invalid.Status, invalid.Field));
        Assert.Equal((404, "No subscription has this id."), (notFound.Status, notFound.Detail));
        Assert.False(failed.IsSuccess);
        Assert.Equal(400, failed.Status);
        Assert.Equal(201, ApiResult<string>.Created("x").Status);
    }

    private sealed record ProbeBody(SubscriptionChannel? Channel);
}
