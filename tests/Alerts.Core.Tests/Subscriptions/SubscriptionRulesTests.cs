using Alerts.Core.Api;
using Alerts.Core.Configuration;
using Alerts.Core.Security;
using Alerts.Core.Subscriptions;
using Microsoft.Extensions.Options;
using Moq;

namespace Alerts.Core.Tests.Subscriptions;

public class SubscriptionRulesTests
{
    private static readonly OutboundRequestGuard Guard = new(Mock.Of<IOptionsMonitor<AlertsOptions>>(o => o.CurrentValue == new AlertsOptions()));

    [Theory]
    [InlineData("9984.T", true)]
    [InlineData("NASDAQ:GOOGL", true)]
    [InlineData("BRK-B", true)]
    [InlineData("", false)]
    [InlineData("bad ticker!", false)]
    [InlineData("GOOGL;DROP TABLE", false)]
    [InlineData("ÄPPLE", false)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", false)]
    public void Tickers_are_symbols_of_1_to_32_allowed_characters(string ticker, bool valid) =>
        Assert.Equal(valid, SubscriptionRules.IsTicker(ticker));

    [Theory]
    [InlineData("tech-giants_2", true)]
    [InlineData("a", true)]
    [InlineData("", false)]
    [InlineData("with space", false)]
    [InlineData("../etc", false)]
    [InlineData("ünïcode", false)]
    public void Watchlist_names_are_letters_digits_dash_and_underscore(string name, bool valid) =>
        Assert.Equal(valid, SubscriptionRules.IsWatchlistName(name));

    [Theory]
    [InlineData("USD", true)]
    [InlineData("JPY", true)]
    [InlineData("usd", false)]
    [InlineData("XYZ", false)]
    [InlineData("USDD", false)]
    public void Currencies_are_upper_case_ISO_4217_codes(string code, bool valid) =>
        Assert.Equal(valid, SubscriptionRules.IsCurrency(code));

    [Theory]
    [InlineData("en", true)]
    [InlineData("fr", true)]
    [InlineData("EN", false)]
    [InlineData("xx", false)]
    [InlineData("eng", false)]
    public void Languages_are_lower_case_ISO_639_1_codes(string code, bool valid) =>
        Assert.Equal(valid, SubscriptionRules.IsLanguage(code));

    [Theory]
    [InlineData(-1, "USD", "minAmount.value")]
    [InlineData(null, "USD", "minAmount.value")]
    [InlineData(5, "usd", "minAmount.currency")]
    [InlineData(5, null, "minAmount.currency")]
    public void Minimum_amounts_need_a_non_negative_value_and_a_known_currency(int? value, string? currency, string field) =>
        Assert.Equal(field, SubscriptionRules.CheckMoney(new MoneyRequest(value, currency)).Problem?.Field);

    [Theory]
    [InlineData(SubscriptionChannel.Email, "ops@example.com", true)]
    [InlineData(SubscriptionChannel.Email, "Ops <ops@example.com>", false)]
    [InlineData(SubscriptionChannel.Email, "ops@example.com\r\nBcc: x@example.com", false)]
    [InlineData(SubscriptionChannel.Email, " ops@example.com", false)]
    [InlineData(SubscriptionChannel.Webhook, "https://example.com/hook", true)]
    [InlineData(SubscriptionChannel.Webhook, "http://127.0.0.1/hook", false)]
    [InlineData(SubscriptionChannel.Webhook, "http://169.254.169.254/latest", false)]
    [InlineData(SubscriptionChannel.Webhook, "http://[fe80::1]/hook", false)]
    [InlineData(SubscriptionChannel.Webhook, "http://192.168.1.10/hook", false)]
    [InlineData(SubscriptionChannel.Webhook, "/relative", false)]
    [InlineData(SubscriptionChannel.Webhook, "javascript:alert(1)", false)]
    public void Targets_are_plain_addresses_or_public_http_urls(SubscriptionChannel channel, string target, bool valid) =>
        Assert.Equal(valid, SubscriptionRules.CheckTarget(channel, target, Guard) is null);

    [Fact]
    public void Lists_longer_than_the_limit_are_refused_naming_the_list()
    {
        var problem = SubscriptionRules.CheckKeywords("keywords", [.. Enumerable.Repeat("k", SubscriptionRules.MaxListLength + 1)]);

        Assert.Equal("keywords", problem?.Field);
    }

    [Fact]
    public void The_first_bad_entry_of_a_list_is_named_with_its_index()
    {
        Assert.Equal("keywords[1]", SubscriptionRules.CheckKeywords("keywords", ["ok", "line\nbreak"])?.Field);
    }

    [Fact]
    public void Cursors_round_trip_and_altered_or_foreign_ones_are_refused()
    {
        var cursor = PageCursor.Encode("subscriptions", "abc123");

        Assert.Equal("abc123", PageCursor.Decode("subscriptions", cursor).Value);
        Assert.Equal("cursor", PageCursor.Decode("deals", cursor).Problem?.Field);
        Assert.Equal("cursor", PageCursor.Decode("subscriptions", "x" + cursor).Problem?.Field);
        Assert.Equal("cursor", PageCursor.Decode("subscriptions", cursor[..^2] + "AA").Problem?.Field);
        Assert.Equal("cursor", PageCursor.Decode("subscriptions", "!!!.???").Problem?.Field);
    }
}
