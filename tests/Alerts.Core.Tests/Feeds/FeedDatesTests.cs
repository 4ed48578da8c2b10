using Alerts.Core.Feeds.Parsing;

namespace Alerts.Core.Tests.Feeds;

public class FeedDatesTests
{
    [Theory]
    [InlineData("Tue, 03 Mar 2026 09:30:00 GMT", "2026-03-03T09:30:00Z")]
    [InlineData("Tue, 3 Mar 2026 09:30:00 +0000", "2026-03-03T09:30:00Z")]
    [InlineData("3 Mar 2026 09:30 GMT", "2026-03-03T09:30:00Z")]
    [InlineData("Tue, 03 Mar 26 09:30:00 GMT", "2026-03-03T09:30:00Z")]
    [InlineData("Tue, 03 Mar 2026 10:30:00 CET", "2026-03-03T09:30:00Z")]
    [InlineData("Tue, 03 Mar 2026 04:30:00 EST", "2026-03-03T09:30:00Z")]
    [InlineData("Tue, 03 Mar 2026 02:30:00 PDT", "2026-03-03T09:30:00Z")]
    [InlineData("Tue, 03 Mar 2026 11:30:00 +02:00", "2026-03-03T09:30:00Z")]
    [InlineData("Fri, 03 Mar 2026 09:30:00 GMT", "2026-03-03T09:30:00Z")]
    [InlineData("Tuesday, 03 March 2026 09:30:00 UT", "2026-03-03T09:30:00Z")]
    public void Parses_rfc822_dates_with_one_digit_days_named_zones_and_wrong_weekdays(string value, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FeedDates.Parse(value));
    }

    [Theory]
    [InlineData("2026-03-03T09:30:00Z", "2026-03-03T09:30:00Z")]
    [InlineData("2026-03-03T10:30:00+01:00", "2026-03-03T09:30:00Z")]
    [InlineData("2026-03-03T09:30Z", "2026-03-03T09:30:00Z")]
    [InlineData("2026-03-03T09:30:00.52Z", "2026-03-03T09:30:00.52Z")]
    [InlineData("2026-03-03 09:30:00", "2026-03-03T09:30:00Z")]
    [InlineData("20260303T093000Z", "2026-03-03T09:30:00Z")]
    [InlineData("2026-03-03", "2026-03-03T00:00:00Z")]
    [InlineData("2026-03", "2026-03-01T00:00:00Z")]
    [InlineData("  2026-03-03T09:30:00Z\n ", "2026-03-03T09:30:00Z")]
    public void Parses_iso8601_and_w3cdtf_variants(string value, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), FeedDates.Parse(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2026-13-45T99:99:99Z")]
    [InlineData("Tue, 31 Feb 2026 09:30:00 GMT")]
    [InlineData("Ĥĕļļő ŵőŗļď")]
    public void Returns_null_for_unparsable_dates_instead_of_failing(string value)
    {
        Assert.Null(FeedDates.Parse(value));
    }
}
