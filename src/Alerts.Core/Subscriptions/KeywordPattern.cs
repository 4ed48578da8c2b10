namespace Alerts.Core.Subscriptions;

/// <summary>
/// What a keyword (or a watchlist's company name) matches: whole words, case-insensitively, so "Arm" finds
/// "Arm Holdings" and "ARM's" but not "alarm" or "army", and "Meta" is not found in "metals". A trailing <c>*</c>
/// matches word beginnings ("merger*": "merger", "mergers"). Scripts written without spaces between words (Chinese,
/// Japanese, Korean particles, Thai) have no word edges to check, so there a keyword matches anywhere.
/// </summary>
public readonly record struct KeywordPattern(string Text, bool Prefix)
{
    /// <summary>Reads a keyword as stored: surrounding spaces ignored, a trailing <c>*</c> (not alone) makes a prefix.</summary>
    public static KeywordPattern Parse(string keyword)
    {
        ArgumentNullException.ThrowIfNull(keyword);
        var text = keyword.Trim();
        return text.Length > 1 && text[^1] == '*' ? new KeywordPattern(text[..^1].TrimEnd(), true) : new KeywordPattern(text, false);
    }

    /// <summary>True when the occurrence of <see cref="Text"/> at [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="text"/> stands as a word.</summary>
    public bool IsWordAt(ReadOnlySpan<char> text, int start, int end) =>
        Text.Length > 0
        && (!HasWordEdge(Text[0]) || start == 0 || !IsWordCharacter(text[start - 1]))
        && (Prefix || !HasWordEdge(Text[^1]) || end == text.Length || !IsWordCharacter(text[end]));

    /// <summary>True when <paramref name="text"/> contains the keyword as a word (the reference for the Aho-Corasick index).</summary>
    public bool IsIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Text.Length == 0)
        {
            return false;
        }

        for (var at = text.IndexOf(Text, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(Text, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (IsWordAt(text, at, at + Text.Length))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWordCharacter(char c) => char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark;

    // A keyword edge only needs a word boundary when it is a letter or digit of a script that separates words by spaces.
    private static bool HasWordEdge(char c) => char.IsLetterOrDigit(c) && !IsWrittenWithoutSpaces(c);

    private static bool IsWrittenWithoutSpaces(char c) =>
        c is (>= '\u0E00' and <= '\u0FFF') // Thai, Lao, Tibetan
            or (>= '\u1000' and <= '\u109F') // Myanmar
            or (>= '\u1780' and <= '\u17FF') // Khmer
            or >= '\u2E80'; // CJK, kana, Hangul (particles attach to nouns) and beyond
}
