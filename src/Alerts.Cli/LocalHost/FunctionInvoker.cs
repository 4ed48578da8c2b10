using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Cli.LocalHost;

/// <summary>Calls a function method the way the worker does: instance from DI (per invocation scope), arguments bound by type or name.</summary>
internal static class FunctionInvoker
{
    /// <param name="bind">Supplies an argument for a parameter, or returns false to let the invoker try DI and defaults.</param>
    public static async Task<object?> InvokeAsync(FunctionDescriptor function, IServiceProvider scopedServices, Func<ParameterInfo, (bool Bound, object? Value)> bind)
    {
        ArgumentNullException.ThrowIfNull(function);
        var target = function.Method.IsStatic ? null : ActivatorUtilities.GetServiceOrCreateInstance(scopedServices, function.DeclaringType);
        var arguments = function.Method.GetParameters().Select(p =>
        {
            var (bound, value) = bind(p);
            return bound ? value : scopedServices.GetService(p.ParameterType) ?? (p.HasDefaultValue ? p.DefaultValue : null);
        }).ToArray();

        object? returned;
        try
        {
            returned = function.Method.Invoke(target, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }

        switch (returned)
        {
            case Task task:
                await task.ConfigureAwait(false);
                return task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
            case ValueTask valueTask:
                await valueTask.ConfigureAwait(false);
                return null;
            default:
                return returned;
        }
    }
}
