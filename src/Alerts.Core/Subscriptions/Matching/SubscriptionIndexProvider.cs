using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using Alerts.Core.Deals;
using Alerts.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Subscriptions.Matching;

/// <summary>How the matching index stays current, bound from <c>Alerts:Matching</c>.</summary>
public sealed class MatchingOptions
{
    public const string SectionName = "Alerts:Matching";

    /// <summary>The index is rebuilt from storage at least this often, whatever the change marker says.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How often the change marker (one point read) is compared with the index's; a change made through another
    /// instance is matched within this delay. Zero checks before every deal.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan ChangeCheckInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Holds the current <see cref="SubscriptionIndex"/>: built from Table Storage on first use, rebuilt when the
/// subscriptions' change marker moves (checked every <see cref="MatchingOptions.ChangeCheckInterval"/>), when this
/// instance changed something (<see cref="Invalidate"/>), and every <see cref="MatchingOptions.RefreshInterval"/>.
/// </summary>
public sealed partial class SubscriptionIndexProvider(
    ISubscriptionStore subscriptions,
    IWatchlistStore watchlists,
    IUsdValuer valuer,
    IOptionsMonitor<MatchingOptions> options,
    TimeProvider clock,
    ILogger<SubscriptionIndexProvider> logger) : IDisposable
{
    private readonly SemaphoreSlim building = new(1, 1);
    private Snapshot? current;
    private long lastCheck;
    private volatile bool invalidated;

    /// <summary>The index, rebuilt first when it is stale.</summary>
    public async Task<SubscriptionIndex> GetAsync(CancellationToken cancellationToken)
    {
        var snapshot = current;
        var now = clock.GetTimestamp();
        var settings = options.CurrentValue;
        if (snapshot is not null && !invalidated && clock.GetElapsedTime(snapshot.Built, now) < settings.RefreshInterval)
        {
            if (clock.GetElapsedTime(Interlocked.Read(ref lastCheck), now) < settings.ChangeCheckInterval)
            {
                return snapshot.Index;
            }

            Interlocked.Exchange(ref lastCheck, now);
            if (await subscriptions.GetChangeMarkerAsync(cancellationToken).ConfigureAwait(false) == snapshot.Marker)
            {
                return snapshot.Index;
            }
        }

        await building.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (current is { } fresh && !ReferenceEquals(fresh, snapshot) && !invalidated)
            {
                return fresh.Index; // Another caller rebuilt it while this one waited.
            }

            invalidated = false;
            current = await BuildAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Exchange(ref lastCheck, current.Built);
            return current.Index;
        }
        finally
        {
            building.Release();
        }
    }

    /// <summary>Makes the next <see cref="GetAsync"/> rebuild (a subscription or watchlist changed here).</summary>
    public void Invalidate() => invalidated = true;

    public void Dispose() => building.Dispose();

    private async Task<Snapshot> BuildAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        // The marker is read first: a change during the load moves it again and triggers another rebuild.
        var marker = await subscriptions.GetChangeMarkerAsync(cancellationToken).ConfigureAwait(false);
        var lists = (await watchlists.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(w => w.Name, StringComparer.Ordinal);
        var all = new List<Subscription>();
        await foreach (var subscription in subscriptions.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            all.Add(subscription);
        }

        var index = new SubscriptionIndex(all, new MatchContext(lists, valuer));
        LogBuilt(logger, index.Count, lists.Count, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return new Snapshot(index, marker, clock.GetTimestamp());
    }

    private sealed record Snapshot(SubscriptionIndex Index, string? Marker, long Built);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Matching index built: {Subscriptions} subscriptions, {Watchlists} watchlists in {Milliseconds:F0} ms")]
    private static partial void LogBuilt(ILogger logger, int subscriptions, int watchlists, double milliseconds);
}
