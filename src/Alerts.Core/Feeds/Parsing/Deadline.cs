using System.Diagnostics;

namespace Alerts.Core.Feeds.Parsing;

/// <summary>The time budget of one parse, checked at loop boundaries so a pathological document cannot run on.</summary>
internal sealed class Deadline
{
    private readonly long _start = Stopwatch.GetTimestamp();
    private readonly TimeSpan _budget;

    public Deadline(TimeSpan budget) => _budget = budget;

    public void Check()
    {
        if (Stopwatch.GetElapsedTime(_start) > _budget)
        {
            throw new FeedFormatException($"Parsing took longer than the {_budget.TotalSeconds:0.#} s allowed.");
        }
    }
}
