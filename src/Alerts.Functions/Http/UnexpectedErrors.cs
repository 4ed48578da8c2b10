using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace Alerts.Functions.Http;

/// <summary>
/// What both hosts do with an exception escaping an HTTP function (storage down, a bug): log it, answer
/// <see cref="ApiResults.UnexpectedError"/>. Used by <see cref="UnhandledExceptionMiddleware"/> in Azure and by the
/// local host of <c>alerts run</c>, so the two answer the same body.
/// </summary>
public static partial class UnexpectedErrors
{
    /// <summary>The log category of both hosts' entries.</summary>
    public const string LogCategory = "Alerts.Functions.Http.UnexpectedErrors";

    /// <summary>
    /// False when there is no one to answer or nothing can be written any more: the client went away (its request
    /// was aborted) or the response has started. The exception then goes on to the host as before.
    /// </summary>
    public static bool CanAnswer(HttpContext http, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(http);
        return !http.Response.HasStarted && !(exception is OperationCanceledException && http.RequestAborted.IsCancellationRequested);
    }

    /// <summary>The id a caller quotes and the logs carry: the W3C trace of the request when there is one (Application Insights' operation).</summary>
    public static string TraceId(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return Activity.Current?.Id ?? http.TraceIdentifier;
    }

    /// <summary>Logs the exception (with its stack, server-side only) and writes the 500 problem.</summary>
    public static async Task AnswerAsync(HttpContext http, Exception exception, ILogger logger, string function, string invocationId)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(logger);
        var traceId = TraceId(http);
        LogUnhandled(logger, exception, http.Request.Method, http.Request.Path, function, invocationId, traceId, exception.GetType().Name);

        // Headers the function set before failing (an ETag, say) do not belong to the error.
        http.Response.Clear();
        var result = ApiResults.UnexpectedError(traceId, http.Request.Path);
        await result.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor())).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed in function {Function} (invocation {InvocationId}, trace {TraceId}) with {ExceptionType}; answered 500")]
    private static partial void LogUnhandled(ILogger logger, Exception exception, string method, string path, string function, string invocationId, string traceId, string exceptionType);
}
