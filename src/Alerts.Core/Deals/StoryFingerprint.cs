using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Alerts.Core.Storage;

namespace Alerts.Core.Deals;

/// <summary>
/// A hash of an article's title and summary after normalisation (markup, entities, case, accents, punctuation and
/// spacing removed), so the same text syndicated with different formatting gives the same fingerprint.
/// </summary>
public static partial class StoryFingerprint
{
    /// <summary>The fingerprint, or null when the text has no letters or digits to go by.</summary>
    public static string? Of(string? title, string? summary)
    {
        var text = Normalize($"{title} {summary}");
        return text.Length == 0 ? null : StableId.From("story", text);
    }

    /// <summary>Number of words in the normalised title and summary (how distinctive the fingerprint is).</summary>
    public static int WordCount(string? title, string? summary)
    {
        var text = Normalize($"{title} {summary}");
        return text.Length == 0 ? 0 : text.Count(c => c == ' ') + 1;
    }

    /// <summary>Lower-case letters and digits separated by single spaces.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var plain = WebUtility.HtmlDecode(Markup().Replace(text, " ")).Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(plain.Length);
        var space = false;
        foreach (var c in plain)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue; // the accent of a decomposed letter
            }

            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Markup();
}
