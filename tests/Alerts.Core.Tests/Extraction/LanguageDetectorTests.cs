using Alerts.Core.Extraction;

namespace Alerts.Core.Tests.Extraction;

public class LanguageDetectorTests
{
    [Theory]
    [InlineData("The company said on Tuesday that it would buy the rival for cash.", "en")]
    [InlineData("Le groupe a annoncé mardi qu'il rachetait son concurrent pour un montant en numéraire.", "fr")]
    [InlineData("Der Konzern hat am Dienstag mitgeteilt, dass er den Rivalen für die Summe übernimmt.", "de")]
    [InlineData("La empresa anunció el martes que compraría a su rival por una suma en efectivo.", "es")]
    public void Detects_the_four_languages_from_stopwords(string text, string language) =>
        Assert.Equal(language, LanguageDetector.Detect(text));

    [Theory]
    [InlineData("fr-FR", "fr")]
    [InlineData("DE", "de")]
    [InlineData("es_MX", "es")]
    [InlineData("en-GB", "en")]
    public void Uses_a_given_bcp47_language(string tag, string language) =>
        Assert.Equal(language, LanguageDetector.Resolve(tag, "The company said."));

    [Fact]
    public void Detects_when_the_given_language_is_unknown() =>
        Assert.Equal("fr", LanguageDetector.Resolve("ja", "Le groupe a annoncé une hausse de ses ventes pour le trimestre."));

    [Fact]
    public void Falls_back_to_english_without_words() => Assert.Equal("en", LanguageDetector.Detect("12 345 $ ###"));

    [Theory]
    [InlineData("Vodafone (VOD.L) to sell towers for $2.5 billion, ref 634abc05758044efbb6f3887d1c52d1b")]
    [InlineData("SoftBank to invest $2 billion, id 9d1c5l3d7d2e - filing 4d4l")]
    public void Letters_inside_codes_are_not_words(string text) => Assert.Equal("en", LanguageDetector.Detect(text));

    [Theory]
    [InlineData("Hausse d'une action qu'il juge l'option")]
    [InlineData("Hausse d’une action qu’il juge")]
    public void Elided_french_articles_count_with_their_apostrophe(string text) => Assert.Equal("fr", LanguageDetector.Detect(text));

    [Fact]
    public void English_with_random_hex_references_stays_english_and_billion_stays_ten_to_the_nine()
    {
        var random = new Random(7);
        var extractor = new DealExtractor();
        for (var i = 0; i < 500; i++)
        {
            var reference = Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64())) + Convert.ToHexStringLower(BitConverter.GetBytes(random.NextInt64()));
            var text = $"Vodafone (VOD.L) to sell towers for $2.5 billion, ref {reference}\nFirst report.";

            Assert.Equal("en", LanguageDetector.Detect(text));
            Assert.Equal(2_500_000_000m, Assert.Single(extractor.Extract(text, null).Amounts).Value);
        }
    }
}
