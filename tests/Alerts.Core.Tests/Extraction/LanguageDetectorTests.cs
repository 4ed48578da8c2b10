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
}
