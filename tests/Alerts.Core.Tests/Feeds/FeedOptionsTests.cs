using System.ComponentModel.DataAnnotations;
using Alerts.Core.Configuration;

namespace Alerts.Core.Tests.Feeds;

public sealed class FeedOptionsTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.Empty(Validate(new FeedOptions()));
    }

    [Fact]
    public void A_default_interval_below_the_minimum_is_refused_naming_the_settings()
    {
        var errors = Validate(new FeedOptions { MinInterval = TimeSpan.FromMinutes(10), DefaultInterval = TimeSpan.FromMinutes(5) });

        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(FeedOptions.DefaultInterval)));
    }

    [Fact]
    public void Zero_consecutive_failures_is_refused()
    {
        Assert.Contains(Validate(new FeedOptions { MaxConsecutiveFailures = 0 }), e => e.MemberNames.Contains(nameof(FeedOptions.MaxConsecutiveFailures)));
    }

    private static List<ValidationResult> Validate(FeedOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
