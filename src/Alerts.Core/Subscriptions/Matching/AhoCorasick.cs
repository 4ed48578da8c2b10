namespace Alerts.Core.Subscriptions.Matching;

/// <summary>
/// Finds every occurrence of many patterns in one pass over a text, case-insensitively (per-character invariant
/// upper case, what <see cref="StringComparison.OrdinalIgnoreCase"/> compares).
/// Hand-written on purpose: with 1,000+ keywords, testing each with <c>Contains</c> costs keywords x text length per
/// deal, while Aho-Corasick costs text length plus matches, whatever the number of keywords. .NET's
/// <c>SearchValues&lt;string&gt;</c> finds only the first match of any pattern, and we need all of them; the few
/// packages that implement the automaton are unmaintained or case-sensitive, and 150 lines are easy to test.
/// </summary>
public sealed class AhoCorasick
{
    // Transitions of all states in one hash table keyed by (state, char): compact and fast for a large alphabet.
    private readonly Dictionary<long, int> transitions = [];
    private readonly List<int> failure = [0];

    // The root's transitions as a dense table: most characters of a text are read at the root, so this
    // replaces the commonest hash lookup by an array index (256 KB, once per index).
    private readonly int[] fromRoot = new int[char.MaxValue + 1];

    // For each state: the patterns ending here, and the nearest state on the failure chain with patterns of its own.
    private readonly List<int[]> outputs = [[]];
    private readonly List<int> outputLink = [-1];

    /// <summary>Builds the automaton; pattern i is reported as i. Empty patterns are ignored.</summary>
    public AhoCorasick(IReadOnlyList<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        var ending = new List<List<int>> { new() };
        for (var p = 0; p < patterns.Count; p++)
        {
            if (string.IsNullOrEmpty(patterns[p]))
            {
                continue;
            }

            var state = 0;
            foreach (var c in patterns[p])
            {
                var key = Key(state, char.ToUpperInvariant(c));
                if (!transitions.TryGetValue(key, out var next))
                {
                    next = failure.Count;
                    transitions[key] = next;
                    failure.Add(0);
                    outputLink.Add(-1);
                    ending.Add([]);
                }

                state = next;
            }

            ending[state].Add(p);
        }

        outputs.Clear();
        outputs.AddRange(ending.Select(e => e.ToArray()));
        StateCount = failure.Count;
        BuildFailureLinks();
        foreach (var (key, child) in transitions)
        {
            if (key >> 16 == 0)
            {
                fromRoot[(int)(key & 0xFFFF)] = child;
            }
        }
    }

    /// <summary>Number of states (trie nodes).</summary>
    public int StateCount { get; }

    /// <summary>Calls <paramref name="onMatch"/> with the index of each pattern found (once per occurrence).</summary>
    public void Search(ReadOnlySpan<char> text, Action<int> onMatch)
    {
        ArgumentNullException.ThrowIfNull(onMatch);
        Search(text, (pattern, _) => onMatch(pattern));
    }

    /// <summary>
    /// Calls <paramref name="onMatch"/> with the index of each pattern found and where its occurrence ends (exclusive),
    /// once per occurrence, so the caller can check what surrounds it.
    /// </summary>
    public void Search(ReadOnlySpan<char> text, Action<int, int> onMatch)
    {
        ArgumentNullException.ThrowIfNull(onMatch);
        var position = 0;
        var state = 0;
        foreach (var raw in text)
        {
            var c = char.ToUpperInvariant(raw);
            while (true)
            {
                if (state == 0)
                {
                    state = fromRoot[c];
                    break;
                }

                if (transitions.TryGetValue(Key(state, c), out var next))
                {
                    state = next;
                    break;
                }

                state = failure[state];
            }

            position++;
            for (var s = outputs[state].Length > 0 ? state : outputLink[state]; s > 0; s = outputLink[s])
            {
                foreach (var pattern in outputs[s])
                {
                    onMatch(pattern, position);
                }
            }
        }
    }

    private static long Key(int state, char c) => ((long)state << 16) | c;

    private void BuildFailureLinks()
    {
        // Children per state, to walk the trie breadth-first (parents' links are final before their children's).
        var children = new List<(char C, int Child)>[StateCount];
        foreach (var (key, child) in transitions)
        {
            var parent = (int)(key >> 16);
            (children[parent] ??= []).Add(((char)(key & 0xFFFF), child));
        }

        var queue = new Queue<int>();
        foreach (var (_, child) in children[0] ?? [])
        {
            failure[child] = 0;
            queue.Enqueue(child);
        }

        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            foreach (var (c, child) in children[state] ?? [])
            {
                var f = failure[state];
                while (f > 0 && !transitions.ContainsKey(Key(f, c)))
                {
                    f = failure[f];
                }

                failure[child] = transitions.TryGetValue(Key(f, c), out var target) && target != child ? target : 0;
                var link = failure[child];
                outputLink[child] = outputs[link].Length > 0 ? link : outputLink[link];
                queue.Enqueue(child);
            }
        }
    }
}
