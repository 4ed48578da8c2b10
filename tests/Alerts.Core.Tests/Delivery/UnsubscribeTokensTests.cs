using Alerts.Core.Configuration;
using Alerts.Core.Delivery;
using Microsoft.Extensions.Options;
using Moq;

namespace Alerts.Core.Tests.Delivery;

public class UnsubscribeTokensTests
{
    private static UnsubscribeTokens Tokens(string key)
    {
        var options = new Mock<IOptionsMonitor<UnsubscribeOptions>>();
        options.Setup(o => o.CurrentValue).Returns(new UnsubscribeOptions { SigningKey = key });
        return new UnsubscribeTokens(options.Object);
    }

    private readonly UnsubscribeTokens tokens = Tokens("unit-test-signing-key-0123456789abcdef");

    [Fact]
    public void A_token_names_the_subscription_it_was_issued_for() =>
        Assert.Equal("abc123", tokens.Validate(tokens.Create("abc123")));

    [Fact]
    public void A_token_for_another_subscription_id_is_refused()
    {
        var token = tokens.Create("abc123");
        var altered = "abc124" + token["abc123".Length..];
        Assert.Null(tokens.Validate(altered));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc123")]
    [InlineData("abc123.")]
    [InlineData(".abc")]
    [InlineData("abc123.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Malformed_or_forged_tokens_are_refused(string token) => Assert.Null(tokens.Validate(token));

    [Fact]
    public void A_token_signed_with_another_key_is_refused() =>
        Assert.Null(tokens.Validate(Tokens("another-signing-key-0123456789abcdefgh").Create("abc123")));

    [Fact]
    public void The_url_is_under_the_public_base_url() =>
        Assert.StartsWith("https://alerts.example.com/api/unsubscribe?token=abc123.", tokens.UrlFor(new Uri("https://alerts.example.com/"), "abc123").AbsoluteUri, StringComparison.Ordinal);
}
