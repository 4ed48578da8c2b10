using Alerts.Core.Configuration;
using Alerts.Core.Security;

namespace Alerts.Core.Tests.Security;

public class AdminKeyAuthorizerTests
{
    private static AdminKeyAuthorizer Authorizer(string? key) =>
        new(new StaticOptionsMonitor<AlertsOptions>(new AlertsOptions { AdminKey = key }));

    [Fact]
    public void Accepts_the_configured_key()
    {
        Assert.True(Authorizer("s3cret").IsAuthorized("s3cret"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("S3CRET")]
    [InlineData("s3cret ")]
    [InlineData("s3cre")]
    public void Refuses_a_missing_or_wrong_key(string? presented)
    {
        Assert.False(Authorizer("s3cret").IsAuthorized(presented));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Is_disabled_and_lets_everything_through_without_a_configured_key(string? key)
    {
        var authorizer = Authorizer(key);

        Assert.False(authorizer.IsEnabled);
        Assert.True(authorizer.IsAuthorized(null));
    }

    [Fact]
    public void Is_enabled_with_a_configured_key()
    {
        Assert.True(Authorizer("s3cret").IsEnabled);
    }
}
