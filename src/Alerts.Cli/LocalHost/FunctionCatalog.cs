using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Cli.LocalHost;

/// <summary>The trigger of a function, as its attributes declare it.</summary>
internal abstract record FunctionTrigger;

internal sealed record HttpFunctionTrigger(string Route, IReadOnlyList<string> Methods, bool Anonymous) : FunctionTrigger;

internal sealed record QueueFunctionTrigger(string QueueName, Type MessageType) : FunctionTrigger;

internal sealed record TimerFunctionTrigger(string Schedule) : FunctionTrigger;

/// <summary>One <c>[Function]</c> method of the function app.</summary>
internal sealed record FunctionDescriptor(string Name, MethodInfo Method, FunctionTrigger Trigger)
{
    public Type DeclaringType => Method.DeclaringType!;
}

/// <summary>
/// Discovers the function app's functions from the same attributes the Functions host reads,
/// so the local host runs exactly the functions that are deployed.
/// </summary>
internal static class FunctionCatalog
{
    public static IReadOnlyList<FunctionDescriptor> Discover(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var functions = new List<FunctionDescriptor>();
        foreach (var method in assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)))
        {
            if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
            {
                continue;
            }

            var trigger = method.GetParameters().Select(TriggerOf).FirstOrDefault(t => t is not null)
                ?? throw new InvalidOperationException($"Function {function.Name} has no trigger the local host supports (HTTP, queue, timer).");
            functions.Add(new FunctionDescriptor(function.Name, method, trigger));
        }

        return functions.OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
    }

    private static FunctionTrigger? TriggerOf(ParameterInfo parameter)
    {
        if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is { } http)
        {
            return new HttpFunctionTrigger(http.Route ?? string.Empty, http.Methods ?? ["get", "post"], http.AuthLevel == AuthorizationLevel.Anonymous);
        }

        if (parameter.GetCustomAttribute<QueueTriggerAttribute>() is { } queue)
        {
            return new QueueFunctionTrigger(queue.QueueName, parameter.ParameterType);
        }

        return parameter.GetCustomAttribute<TimerTriggerAttribute>() is { } timer ? new TimerFunctionTrigger(timer.Schedule) : null;
    }
}
