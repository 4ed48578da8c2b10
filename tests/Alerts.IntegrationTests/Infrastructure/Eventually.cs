namespace Alerts.IntegrationTests.Infrastructure;

/// <summary>Waits on a condition with a generous deadline (never a fixed sleep).</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(90);

    public static async Task<T> ReturnsAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? deadline = null)
        where T : class
    {
        var until = DateTime.UtcNow + (deadline ?? DefaultDeadline);
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }

            await Task.Delay(100);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> probe, string what, TimeSpan? deadline = null) =>
        await ReturnsAsync(async () => await probe() ? "ok" : null, what, deadline);

    public static Task TrueAsync(Func<bool> probe, string what, TimeSpan? deadline = null) =>
        TrueAsync(() => Task.FromResult(probe()), what, deadline);
}
