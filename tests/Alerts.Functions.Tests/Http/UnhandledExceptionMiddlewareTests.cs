using System.Text.Json;
using Alerts.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Moq;

namespace Alerts.Functions.Tests.Http;

public class UnhandledExceptionMiddlewareTests
{
    private const string HttpContextKey = "HttpRequestContext"; // where the ASP.NET Core integration keeps the HttpContext
    private const string InvocationId = "3f2c9a1e-invocation";
    private const string Secret = "AccountKey=c2VjcmV0LXN0b3JhZ2Uta2V5";

    private static readonly IServiceProvider MvcServices = new ServiceCollection().AddLogging().AddMvcCore().Services.BuildServiceProvider();

    private readonly RecordingLoggerFactory logs = new();

    private UnhandledExceptionMiddleware Middleware() => new(logs);

    private static (FunctionContext Context, HttpContext Http) HttpInvocation()
    {
        var http = new DefaultHttpContext { RequestServices = MvcServices };
        http.Request.Method = "GET";
        http.Request.Path = "/api/deals";
        http.Response.Body = new MemoryStream();
        return (Context(new Dictionary<object, object> { [HttpContextKey] = http }), http);
    }

    private static FunctionContext Context(IDictionary<object, object> items)
    {
        var definition = new Mock<FunctionDefinition>();
        definition.SetupGet(d => d.Name).Returns("ListDeals");
        var context = new Mock<FunctionContext>();
        context.SetupGet(c => c.FunctionDefinition).Returns(definition.Object);
        context.SetupGet(c => c.InvocationId).Returns(InvocationId);
        context.SetupGet(c => c.Items).Returns(items);
        return context.Object;
    }

    private static FunctionExecutionDelegate Throws(Exception exception) => _ => Task.FromException(exception);

    private static async Task<(string Text, JsonElement Json)> BodyOf(HttpContext http)
    {
        http.Response.Body.Position = 0;
        var text = await new StreamReader(http.Response.Body).ReadToEndAsync();
        return (text, JsonDocument.Parse(text).RootElement);
    }

    [Fact]
    public async Task An_exception_in_an_http_function_is_a_500_problem_json()
    {
        var (context, http) = HttpInvocation();

        await Middleware().Invoke(context, Throws(new InvalidOperationException("Storage is down")));

        Assert.Equal(StatusCodes.Status500InternalServerError, http.Response.StatusCode);
        Assert.StartsWith("application/problem+json", http.Response.ContentType, StringComparison.Ordinal);
        var (_, problem) = await BodyOf(http);
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.Equal("An unexpected error occurred.", problem.GetProperty("title").GetString());
        Assert.Equal("https://httpstatuses.io/500", problem.GetProperty("type").GetString());
        Assert.Equal("/api/deals", problem.GetProperty("instance").GetString());
        Assert.Equal(UnexpectedErrors.TraceId(http), problem.GetProperty("traceId").GetString());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
    }

    [Fact]
    public async Task The_problem_reveals_nothing_of_the_exception()
    {
        var (context, http) = HttpInvocation();
        Exception thrown;
        try
        {
            throw new InvalidOperationException($"Could not connect: {Secret}", new HttpRequestException("inner " + Secret));
        }
        catch (InvalidOperationException ex)
        {
            thrown = ex; // thrown for real, so it has a stack trace that must not leak either
        }

        await Middleware().Invoke(context, Throws(thrown));

        var (text, _) = await BodyOf(http);
        Assert.DoesNotContain("AccountKey", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Could not connect", text, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(InvalidOperationException), text, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(The_problem_reveals_nothing_of_the_exception), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_exception_is_logged_as_an_error_with_the_invocation_id()
    {
        var (context, http) = HttpInvocation();
        var thrown = new InvalidOperationException("Storage is down");

        await Middleware().Invoke(context, Throws(thrown));

        var entry = Assert.Single(logs.Entries);
        Assert.Equal((UnexpectedErrors.LogCategory, LogLevel.Error), (entry.Category, entry.Level));
        Assert.Same(thrown, entry.Exception);
        Assert.Contains(InvocationId, entry.Message, StringComparison.Ordinal);
        Assert.Contains("ListDeals", entry.Message, StringComparison.Ordinal);
        Assert.Contains(UnexpectedErrors.TraceId(http), entry.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Headers_the_function_set_before_failing_are_not_sent_with_the_problem()
    {
        var (context, http) = HttpInvocation();

        await Middleware().Invoke(context, c =>
        {
            http.Response.Headers.ETag = "\"v1\"";
            throw new InvalidOperationException("after the header");
        });

        Assert.Equal(500, http.Response.StatusCode);
        Assert.False(http.Response.Headers.ContainsKey("ETag"));
    }

    [Fact]
    public async Task A_cancellation_that_is_not_the_client_going_away_is_a_500_too()
    {
        var (context, http) = HttpInvocation();

        await Middleware().Invoke(context, Throws(new TaskCanceledException("The storage request timed out.")));

        Assert.Equal(500, http.Response.StatusCode);
    }

    [Fact]
    public async Task A_cancellation_of_an_aborted_request_is_rethrown_and_nothing_written()
    {
        var (context, http) = HttpInvocation();
        using var aborted = new CancellationTokenSource();
        await aborted.CancelAsync();
        http.RequestAborted = aborted.Token;
        var thrown = new OperationCanceledException(aborted.Token);

        Assert.Same(thrown, await Assert.ThrowsAsync<OperationCanceledException>(() => Middleware().Invoke(context, Throws(thrown))));
        Assert.Equal(0, http.Response.Body.Length);
        Assert.Empty(logs.Entries);
    }

    [Fact]
    public async Task An_exception_after_the_response_started_is_rethrown()
    {
        var (context, http) = HttpInvocation();
        http.Features.Set<IHttpResponseFeature>(new StartedResponse());
        var thrown = new InvalidOperationException("mid-body");

        Assert.Same(thrown, await Assert.ThrowsAsync<InvalidOperationException>(() => Middleware().Invoke(context, Throws(thrown))));
    }

    [Fact]
    public async Task A_non_http_invocation_rethrows_so_queue_retries_still_happen()
    {
        var context = Context(new Dictionary<object, object>());
        var thrown = new InvalidOperationException("Storage is down");

        Assert.Same(thrown, await Assert.ThrowsAsync<InvalidOperationException>(() => Middleware().Invoke(context, Throws(thrown))));
        Assert.Empty(logs.Entries);
    }

    [Fact]
    public async Task A_successful_invocation_is_left_alone()
    {
        var (context, http) = HttpInvocation();
        var called = false;

        await Middleware().Invoke(context, _ =>
        {
            called = true;
            return Task.CompletedTask;
        });

        Assert.True(called);
        Assert.Equal(200, http.Response.StatusCode);
        Assert.Equal(0, http.Response.Body.Length);
        Assert.Empty(logs.Entries);
    }

    private sealed class StartedResponse : HttpResponseFeature
    {
        public override bool HasStarted => true;
    }

    /// <summary>One log entry as written.</summary>
    internal sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception);

    /// <summary>Keeps every entry in memory.</summary>
    private sealed class RecordingLoggerFactory : ILoggerFactory
    {
        public List<LogEntry> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        private sealed class Logger(RecordingLoggerFactory factory, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                factory.Entries.Add(new LogEntry(category, logLevel, formatter(state, exception), exception));
        }
    }
}
