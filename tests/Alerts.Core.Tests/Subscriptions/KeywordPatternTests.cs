using Alerts.Core.Subscriptions;

namespace Alerts.Core.Tests.Subscriptions;

public class KeywordPatternTests
{
    [Theory]
    [InlineData("Arm", "Arm Holdings agrees deal", true)]
    [InlineData("Arm", "ARM's shares rose", true)]
    [InlineData("Arm", "(Arm) said", true)]
    [InlineData("Arm", "the alarm sounded", false)]
    [InlineData("Arm", "army contract", false)]
    [InlineData("Meta", "metals rally", false)]
    [InlineData("Meta", "Meta Platforms", true)]
    [InlineData("merger", "two mergers", false)]
    [InlineData("merger*", "two mergers", true)]
    [InlineData("merger*", "emergency", false)]
    [InlineData("S&P 500", "the S&P 500 fell", true)]
    [InlineData("S&P 500", "the S&P 5000 fell", false)]
    [InlineData("$AAPL", "buy$AAPL now", true)] // an edge that is not a letter or digit needs no boundary
    [InlineData("Société Générale", "SOCIÉTÉ GÉNÉRALE cède", true)]
    [InlineData("ソフトバンク", "ソフトバンクグループは", true)] // Japanese has no spaces between words
    [InlineData("삼성전자", "삼성전자가 투자", true)] // a Korean particle attached to the name
    [InlineData("IPO", "ipo; then another IPO", true)]
    [InlineData("IPO", "TIPOFF", false)]
    public void Matches_whole_words_case_insensitively(string keyword, string text, bool expected) =>
        Assert.Equal(expected, KeywordPattern.Parse(keyword).IsIn(text));

    [Fact]
    public void A_later_occurrence_counts_when_the_first_is_inside_a_word() =>
        Assert.True(KeywordPattern.Parse("arm").IsIn("alarm at Arm"));

    [Theory]
    [InlineData("  merger* ", "merger", true)]
    [InlineData("merger *", "merger", true)]
    [InlineData("*", "*", false)]
    [InlineData("stake", "stake", false)]
    public void Parse_reads_a_trailing_star_as_a_prefix(string keyword, string text, bool prefix) =>
        Assert.Equal(new KeywordPattern(text, prefix), KeywordPattern.Parse(keyword));
}
