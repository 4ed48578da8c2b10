using Alerts.Core.Subscriptions.Matching;

namespace Alerts.Core.Tests.Subscriptions;

public class AhoCorasickTests
{
    private static List<int> Find(AhoCorasick automaton, string text)
    {
        var found = new List<int>();
        automaton.Search(text, found.Add);
        return found;
    }

    [Fact]
    public void Finds_overlapping_and_nested_patterns_in_one_pass()
    {
        var automaton = new AhoCorasick(["he", "she", "his", "hers"]);

        Assert.Equal([1, 0, 3], Find(automaton, "ushers"));
    }

    [Fact]
    public void Matches_ignoring_case_including_accented_letters()
    {
        var automaton = new AhoCorasick(["café", "IPO"]);

        Assert.Equal([0, 1], Find(automaton, "CAFÉ files for ipo"));
    }

    [Fact]
    public void Reports_nothing_for_text_without_patterns_and_ignores_empty_patterns()
    {
        var automaton = new AhoCorasick(["", "merger"]);

        Assert.Empty(Find(automaton, "a quiet day"));
        Assert.Equal([1], Find(automaton, "mergers"));
    }

    [Fact]
    public void Agrees_with_string_contains_on_random_text()
    {
        var random = new Random(7);
        var patterns = Enumerable.Range(0, 50).Select(_ => RandomWord(random, 1, 4)).ToList();
        var automaton = new AhoCorasick(patterns);
        for (var i = 0; i < 200; i++)
        {
            var text = RandomWord(random, 0, 40);
            var found = Find(automaton, text).ToHashSet();

            var expected = Enumerable.Range(0, patterns.Count).Where(p => text.Contains(patterns[p], StringComparison.OrdinalIgnoreCase)).ToHashSet();

            Assert.Equal(expected, found);
        }
    }

    private static string RandomWord(Random random, int min, int max) =>
        new([.. Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => "abAB é"[random.Next(6)])]);
}
