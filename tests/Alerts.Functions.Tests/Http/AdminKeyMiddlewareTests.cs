using System.Text.Json;
using Alerts.Core.Configuration;
using Alerts.Core.Security;
using Alerts.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Alerts.Functions.Tests.Http;

public class AdminKeyMiddlewareTests
{
    private const string Key = "s3cret-admin-key";
    private const string AnonymousEntryPoint = "Alerts.Functions.Functions.HealthApi.Get";
    private const string ProtectedEntryPoint = "Alerts.Functions.Functions.SubscriptionsApi.Create";

    // What the ASP.NET Core integration stores in FunctionContext.Items and GetHttpContext() reads.
    private const string HttpContextKey = "HttpRequestContext";

    private static readonly IServiceProvider MvcServices = new ServiceCollection().AddLogging().AddMvcCore().Services.BuildServiceProvider();

    private static AdminKeyMiddleware Middleware(string? adminKey = Key) =>
        new(new AdminKeyAuthorizer(new StaticOptionsMonitor<AlertsOptions>(new AlertsOptions { AdminKey = adminKey })));

    private static (FunctionContext Context, HttpContext Http) Invocation(string entryPoint, string? presentedKey = null)
    {
        var http = new DefaultHttpContext { RequestServices = MvcServices };
        http.Response.Body = new MemoryStream();
        if (presentedKey is not null)
        {
            http.Request.Headers[AdminKeyAuthorizer.HeaderName] = presentedKey;
        }

        var definition = new Mock<FunctionDefinition>();
        definition.SetupGet(d => d.EntryPoint).Returns(entryPoint);
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.FunctionDefinition).Returns(definition.Object);
        context.SetupGet(c => c.Items).Returns(new Dictionary<object, object> { [HttpContextKey] = http });
        return (context.Object, http);
    }

    private static async Task<bool> Run(AdminKeyMiddleware middleware, FunctionContext context)
    {
        var called = false;
        await middleware.Invoke(context, _ =>
        {
            called = true;
            return Task.CompletedTask;
        });
        return called;
    }

    [Fact]
    public void The_test_context_is_what_GetHttpContext_reads()
    {
        var (context, http) = Invocation(ProtectedEntryPoint);

        Assert.Same(http, context.GetHttpContext());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("")]
    public async Task Missing_or_wrong_key_on_a_protected_function_is_401_problem_and_next_is_not_called(string? presented)
    {
        var (context, http) = Invocation(ProtectedEntryPoint, presented);

        var called = await Run(Middleware(), context);

        Assert.False(called);
        Assert.Equal(StatusCodes.Status401Unauthorized, http.Response.StatusCode);
        Assert.StartsWith("application/problem+json", http.Response.ContentType, StringComparison.Ordinal);
        http.Response.Body.Position = 0;
        using var problem = await JsonDocument.ParseAsync(http.Response.Body);
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal("Unauthorized", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("x-functions-key", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Right_key_on_a_protected_function_calls_next()
    {
        var (context, http) = Invocation(ProtectedEntryPoint, Key);

        Assert.True(await Run(Middleware(), context));
        Assert.Equal(0, http.Response.Body.Length);
    }

    [Fact]
    public async Task Anonymous_function_calls_next_without_a_key()
    {
        var (context, http) = Invocation(AnonymousEntryPoint);

        Assert.True(await Run(Middleware(), context));
        Assert.Equal(200, http.Response.StatusCode);
        Assert.Equal(0, http.Response.Body.Length);
    }

    [Theory]
    [InlineData("Alerts.Functions.Functions.FeedsApi.Register")]
    [InlineData("Alerts.Functions.Functions.DealsApi.List")]
    [InlineData("Alerts.Functions.Functions.SubscriptionsApi.Delete")]
    [InlineData("Alerts.Functions.Functions.NoSuchApi.Get")]
    public async Task Every_other_http_function_needs_the_key(string entryPoint)
    {
        var (context, http) = Invocation(entryPoint);

        Assert.False(await Run(Middleware(), context));
        Assert.Equal(401, http.Response.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Without_a_configured_key_every_function_calls_next(string? adminKey)
    {
        var (context, _) = Invocation(ProtectedEntryPoint);

        Assert.True(await Run(Middleware(adminKey), context));
    }

    [Fact]
    public async Task Non_http_invocation_calls_next()
    {
        var definition = new Mock<FunctionDefinition>();
        definition.SetupGet(d => d.EntryPoint).Returns("Alerts.Functions.Functions.DeliverAlertsFunction.Run");
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.FunctionDefinition).Returns(definition.Object);
        context.SetupGet(c => c.Items).Returns(new Dictionary<object, object>());

        Assert.True(await Run(Middleware(), context.Object));
    }
}
