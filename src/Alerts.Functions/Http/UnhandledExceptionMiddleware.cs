using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Alerts.Functions.Http;

/// <summary>
/// Turns an exception escaping an HTTP function into an RFC 9457 <c>application/problem+json</c> 500 instead of the
/// host's bare 500. Other triggers still throw: the queue's retries and poison queue depend on it.
/// </summary>
internal sealed class UnhandledExceptionMiddleware(ILoggerFactory loggers) : IFunctionsWorkerMiddleware
{
    private readonly ILogger logger = loggers.CreateLogger(UnexpectedErrors.LogCategory);

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Exception ex) when (context.GetHttpContext() is { } http && UnexpectedErrors.CanAnswer(http, ex))
        {
            await UnexpectedErrors.AnswerAsync(http, ex, logger, context.FunctionDefinition.Name, context.InvocationId).ConfigureAwait(false);
        }
    }
}
