using System.Collections.Concurrent;
using System.Reflection;
using Alerts.Core.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Alerts.Functions.Http;

/// <summary>
/// Enforces <c>Alerts:AdminKey</c> on every HTTP function that is not anonymous. In Azure the host's
/// function keys apply as well; this makes the same key work under <c>func start</c>, which enforces none.
/// </summary>
internal sealed class AdminKeyMiddleware(AdminKeyAuthorizer authorizer) : IFunctionsWorkerMiddleware
{
    private static readonly ConcurrentDictionary<string, bool> AnonymousByEntryPoint = new();

    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.GetHttpContext();
        if (http is not null && authorizer.IsEnabled && !IsAnonymous(context.FunctionDefinition)
            && !authorizer.IsAuthorized(http.Request.Headers[AdminKeyAuthorizer.HeaderName].FirstOrDefault()))
        {
            await ApiResults.Unauthorized().ExecuteResultAsync(new ActionContext(http, new Microsoft.AspNetCore.Routing.RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor())).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private static bool IsAnonymous(FunctionDefinition function) =>
        AnonymousByEntryPoint.GetOrAdd(function.EntryPoint, entryPoint =>
        {
            var split = entryPoint.LastIndexOf('.');
            var method = typeof(AdminKeyMiddleware).Assembly.GetType(entryPoint[..split])?.GetMethod(entryPoint[(split + 1)..]);
            var trigger = method?.GetParameters().Select(p => p.GetCustomAttribute<HttpTriggerAttribute>()).FirstOrDefault(a => a is not null);
            return trigger?.AuthLevel == AuthorizationLevel.Anonymous;
        });
}
