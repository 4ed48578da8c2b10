using System.Collections.Concurrent;
using Alerts.Core.Configuration;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Feeds;

/// <summary>
/// Caps concurrent feed requests per host within this process (<c>Alerts:Feeds:MaxConcurrentRequestsPerHost</c>),
/// so a burst of due feeds on one publisher does not hammer it. Instances do not coordinate: across a scaled-out
/// app the bound is this cap times the instance count (see docs/feeds.md).
/// </summary>
public sealed class HostThrottle(IOptions<FeedOptions> options)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for a slot on the URL's host; dispose the result to release it.</summary>
    public async Task<IDisposable> EnterAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var limit = options.Value.MaxConcurrentRequestsPerHost;
        var gate = gates.GetOrAdd(url.IdnHost, _ => new SemaphoreSlim(limit, limit));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Slot(gate);
    }

    private sealed class Slot(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
