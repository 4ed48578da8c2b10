namespace Alerts.Core.Extraction;

/// <summary>Guesses whether a text is English, French, German or Spanish from its most common short words.</summary>
/// <remarks>
/// Stopword counting is enough here: the extractor only needs the language to read "billion" (10^9 or 10^12)
/// and ambiguous separators ("1.234"), and articles are long enough for a handful of function words to decide.
/// </remarks>
public static class LanguageDetector
{
    /// <summary>The languages the extractor knows; anything else is read as English.</summary>
    public static IReadOnlyList<string> Supported { get; } = ["en", "fr", "de", "es"];

    // Words frequent in one language and rare in the three others (shared words like "de", "en", "a" are left out).
    private static readonly Dictionary<string, int> Stopwords = Build();

    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> Lookup =
        Stopwords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly System.Buffers.SearchValues<char> Letters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZàâäçéèêëîïôöùûüñáíóúÀÂÄÇÉÈÊËÎÏÔÖÙÛÜÑÁÍÓÚß");

    /// <summary>
    /// Returns the two-letter code of a BCP 47 tag when it is one of <see cref="Supported"/> ("fr-CA" -> "fr"),
    /// otherwise detects the language of <paramref name="text"/>.
    /// </summary>
    public static string Resolve(string? language, string text)
    {
        if (!string.IsNullOrWhiteSpace(language) && language.Length >= 2)
        {
            var code = language.AsSpan(0, 2);
            foreach (var known in Supported)
            {
                if (code.Equals(known, StringComparison.OrdinalIgnoreCase) && (language.Length == 2 || language[2] is '-' or '_'))
                {
                    return known;
                }
            }
        }

        return Detect(text);
    }

    /// <summary>Detects the language of a text from up to its first 1,500 characters; English when undecided.</summary>
    public static string Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Span<int> scores = stackalloc int[4];
        var span = text.AsSpan(0, Math.Min(text.Length, 1500));
        var i = 0;
        while (i < span.Length)
        {
            var rel = span[i..].IndexOfAny(Letters);
            if (rel < 0)
            {
                break;
            }

            var start = i + rel;
            i = start;
            while (i < span.Length && char.IsLetter(span[i]))
            {
                i++;
            }

            var length = i - start;
            if (length <= 7 && IsWord(span, start, i) && Lookup.TryGetValue(span.Slice(start, length), out var language))
            {
                scores[language]++;
            }
        }

        var best = 0;
        for (var l = 1; l < scores.Length; l++)
        {
            if (scores[l] > scores[best])
            {
                best = l;
            }
        }

        return Supported[best];
    }

    /// <summary>
    /// Only whole words count: letters glued to digits are part of a code ("ref 9d1c5..." is no French "d"), and
    /// the elided French articles count only with their apostrophe ("d'une", "l'action", "qu'il").
    /// </summary>
    private static bool IsWord(ReadOnlySpan<char> span, int start, int end)
    {
        if ((start > 0 && char.IsDigit(span[start - 1])) || (end < span.Length && char.IsDigit(span[end])))
        {
            return false;
        }

        var elided = end - start <= 2 && span[start..end] is "d" or "l" or "qu" or "D" or "L" or "Qu" or "QU";
        return !elided || (end < span.Length && span[end] is '\'' or '’');
    }

    private static Dictionary<string, int> Build()
    {
        var words = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        string[][] lists =
        [
            ["the", "and", "of", "to", "is", "was", "said", "for", "with", "that", "from", "by", "on", "it", "its", "has", "have", "will", "would", "which", "shares", "after", "were", "this", "be", "are", "at", "an", "as"],
            ["le", "les", "des", "du", "et", "est", "une", "pour", "dans", "qui", "au", "aux", "sur", "pas", "ce", "cette", "ses", "avec", "été", "sont", "il", "elle", "ont", "par", "plus", "mais", "son", "leur", "d", "l", "qu"],
            ["der", "die", "das", "und", "ist", "von", "mit", "den", "dem", "ein", "eine", "nicht", "auf", "für", "sich", "zu", "im", "des", "auch", "wird", "hat", "wie", "bei", "nach", "um", "einer", "vom", "zum", "sind"],
            ["el", "los", "las", "y", "del", "que", "por", "con", "una", "se", "para", "es", "su", "al", "más", "como", "sus", "pero", "lo", "fue", "entre", "ha", "sobre", "también", "este", "esta", "según"],
        ];
        for (var l = 0; l < lists.Length; l++)
        {
            foreach (var w in lists[l])
            {
                words.TryAdd(w, l);
            }
        }

        return words;
    }
}
