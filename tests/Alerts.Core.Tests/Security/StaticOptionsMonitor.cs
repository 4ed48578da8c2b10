using Microsoft.Extensions.Options;

namespace Alerts.Core.Tests.Security;

/// <summary>An <see cref="IOptionsMonitor{TOptions}"/> whose value the test sets and may change.</summary>
internal sealed class StaticOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue { get; set; } = value;

    public T Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
