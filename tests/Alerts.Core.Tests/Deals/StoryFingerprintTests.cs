using Alerts.Core.Deals;

namespace Alerts.Core.Tests.Deals;

public sealed class StoryFingerprintTests
{
    [Fact]
    public void Markup_entities_case_accents_and_punctuation_do_not_change_the_fingerprint()
    {
        var plain = StoryFingerprint.Of("Societe Generale sells unit for EUR 1.2 billion", "The bank said on Monday.");
        var dressed = StoryFingerprint.Of("  SOCIÉTÉ GÉNÉRALE sells unit   for EUR 1.2 billion!", "<p>The bank said on&nbsp;<b>Monday</b>.</p>");

        Assert.NotNull(plain);
        Assert.Equal(plain, dressed);
    }

    [Fact]
    public void Different_words_give_different_fingerprints()
    {
        Assert.NotEqual(
            StoryFingerprint.Of("SoftBank invests $2 billion", null),
            StoryFingerprint.Of("SoftBank invests $3 billion", null));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", "  ")]
    [InlineData("<br/>", "&nbsp;!")]
    public void Text_without_letters_or_digits_has_no_fingerprint(string? title, string? summary)
    {
        Assert.Null(StoryFingerprint.Of(title, summary));
    }

    [Fact]
    public void Normalised_text_is_lower_case_words_separated_by_single_spaces()
    {
        Assert.Equal("cafe creme 2 5", StoryFingerprint.Normalize("Café-Crème: 2,5"));
    }
}
