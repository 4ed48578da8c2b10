using System.Globalization;
using System.Text.RegularExpressions;

namespace Alerts.Core.Feeds.Parsing;

/// <summary>
/// Lenient date parsing for feeds: RFC 822/1123 as found in the wild (one-digit days, two-digit years, named zones,
/// wrong weekdays, missing seconds) and ISO 8601 / W3CDTF variants. Unparsable dates are null, never an error.
/// </summary>
internal static partial class FeedDates
{
    // North American, European and military zone names seen in feeds; an unknown name is taken as UTC.
    private static readonly Dictionary<string, int> ZoneMinutes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0, ["WET"] = 0,
        ["BST"] = 60, ["CET"] = 60, ["MET"] = 60, ["WEST"] = 60, ["IST"] = 330,
        ["CEST"] = 120, ["MEST"] = 120, ["EET"] = 120, ["EEST"] = 180, ["MSK"] = 180,
        ["EST"] = -300, ["EDT"] = -240, ["CST"] = -360, ["CDT"] = -300,
        ["MST"] = -420, ["MDT"] = -360, ["PST"] = -480, ["PDT"] = -420,
        ["AKST"] = -540, ["AKDT"] = -480, ["HST"] = -600, ["AST"] = -240, ["ADT"] = -180, ["NST"] = -210,
        ["JST"] = 540, ["KST"] = 540, ["HKT"] = 480, ["SGT"] = 480, ["AEST"] = 600, ["AEDT"] = 660,
        ["A"] = -60, ["M"] = -720, ["N"] = 60, ["Y"] = 720,
    };

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static DateTimeOffset? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 100)
        {
            return null;
        }

        var text = value.Trim();
        return ParseIso(text) ?? ParseRfc822(text) ?? ParseAsctime(text) ?? ParseFallback(text);
    }

    private static DateTimeOffset? ParseIso(string text)
    {
        var m = IsoPattern().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var year = Int(m.Groups["y"]);
        var month = m.Groups["mo"].Success ? Int(m.Groups["mo"]) : 1;
        var day = m.Groups["d"].Success ? Int(m.Groups["d"]) : 1;
        var hour = m.Groups["h"].Success ? Int(m.Groups["h"]) : 0;
        var minute = m.Groups["mi"].Success ? Int(m.Groups["mi"]) : 0;
        var second = m.Groups["s"].Success ? Int(m.Groups["s"]) : 0;
        var ticks = 0L;
        if (m.Groups["f"].Success)
        {
            var fraction = m.Groups["f"].Value.PadRight(7, '0')[..7];
            ticks = long.Parse(fraction, CultureInfo.InvariantCulture);
        }

        var offset = m.Groups["z"].Success ? ZoneOffset(m.Groups["z"].Value) : TimeSpan.Zero;
        return Build(year, month, day, hour, minute, second, offset, ticks);
    }

    private static DateTimeOffset? ParseRfc822(string text)
    {
        var m = Rfc822Pattern().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var month = MonthNumber(m.Groups["mon"].Value);
        if (month == 0)
        {
            return null;
        }

        return Build(
            Year(m.Groups["y"].Value), month, Int(m.Groups["d"]),
            m.Groups["h"].Success ? Int(m.Groups["h"]) : 0,
            m.Groups["mi"].Success ? Int(m.Groups["mi"]) : 0,
            m.Groups["s"].Success ? Int(m.Groups["s"]) : 0,
            m.Groups["z"].Success ? ZoneOffset(m.Groups["z"].Value) : TimeSpan.Zero,
            0);
    }

    // "Sun Jan  4 16:29:06 PST 2004" and "Sun Jan 04 2004 16:29:06 GMT-0800" (asctime and JavaScript Date.toString).
    private static DateTimeOffset? ParseAsctime(string text)
    {
        var m = AsctimePattern().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var month = MonthNumber(m.Groups["mon"].Value);
        if (month == 0)
        {
            return null;
        }

        var year = m.Groups["y1"].Success ? m.Groups["y1"].Value : m.Groups["y2"].Value;
        if (year.Length == 0)
        {
            return null;
        }

        return Build(
            Year(year), month, Int(m.Groups["d"]), Int(m.Groups["h"]), Int(m.Groups["mi"]),
            m.Groups["s"].Success ? Int(m.Groups["s"]) : 0,
            m.Groups["z"].Success ? ZoneOffset(m.Groups["z"].Value) : TimeSpan.Zero,
            0);
    }

    private static DateTimeOffset? ParseFallback(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : null;

    private static DateTimeOffset? Build(int year, int month, int day, int hour, int minute, int second, TimeSpan offset, long ticks)
    {
        // 24:00:00 is a legal ISO 8601 end of day; leap seconds are folded into the minute.
        var extraDays = 0;
        if (hour == 24 && minute == 0 && second == 0)
        {
            hour = 0;
            extraDays = 1;
        }

        if (second == 60)
        {
            second = 59;
        }

        if (year is < 1 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59 || Math.Abs(offset.TotalHours) > 14)
        {
            return null;
        }

        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks).AddDays(extraDays);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    private static TimeSpan ZoneOffset(string zone)
    {
        zone = zone.Trim();
        if (zone.StartsWith("GMT", StringComparison.OrdinalIgnoreCase) || zone.StartsWith("UTC", StringComparison.OrdinalIgnoreCase))
        {
            zone = zone.Length > 3 ? zone[3..] : "Z";
        }

        if (zone.Length > 0 && (zone[0] == '+' || zone[0] == '-'))
        {
            var digits = zone[1..].Replace(":", string.Empty, StringComparison.Ordinal);
            if (digits.Length is 1 or 2)
            {
                digits = digits.PadLeft(2, '0') + "00";
            }

            if (digits.Length == 3)
            {
                digits = "0" + digits;
            }

            if (digits.Length != 4 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var hhmm))
            {
                return TimeSpan.Zero;
            }

            var minutes = (hhmm / 100 * 60) + (hhmm % 100);
            return TimeSpan.FromMinutes(zone[0] == '-' ? -minutes : minutes);
        }

        return ZoneMinutes.TryGetValue(zone, out var named) ? TimeSpan.FromMinutes(named) : TimeSpan.Zero;
    }

    private static int MonthNumber(string name)
    {
        if (name.Length < 3)
        {
            return 0;
        }

        var prefix = name[..3];
        for (var i = 0; i < Months.Length; i++)
        {
            if (string.Equals(Months[i], prefix, StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        return 0;
    }

    // Two-digit years: RFC 2822 reads 00-49 as 20xx and 50-99 as 19xx.
    private static int Year(string digits)
    {
        var year = int.Parse(digits, CultureInfo.InvariantCulture);
        return digits.Length <= 2 ? (year < 50 ? 2000 + year : 1900 + year) : year;
    }

    private static int Int(Group group) => int.Parse(group.Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>\d{4})(?:-?(?<mo>\d{2})(?:-?(?<d>\d{2}))?)?(?:(?:T|\s+)(?<h>\d{2}):?(?<mi>\d{2})(?::?(?<s>\d{2})(?:[.,](?<f>\d+))?)?)?\s*(?<z>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^(?:[A-Za-z]+\.?,?\s*)?(?<d>\d{1,2})(?:st|nd|rd|th)?[\s-]+(?<mon>[A-Za-z]{3,})\.?,?[\s-]+(?<y>\d{4}|\d{2})(?:,?\s+(?:at\s+)?(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?(?:\.\d+)?)?\s*(?<z>(?:GMT|UTC)?[+-]\d{1,2}(?::?\d{2})?|[A-Za-z]{1,5})?\s*(?:\([^)]*\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc822Pattern();

    [GeneratedRegex(@"^(?:[A-Za-z]+,?\s+)?(?<mon>[A-Za-z]{3,})\.?\s+(?<d>\d{1,2}),?\s+(?:(?<y1>\d{4})\s+)?(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?\s*(?<z>(?:GMT|UTC)?[+-]\d{1,2}(?::?\d{2})?|[A-Za-z]{1,5})?\s*(?<y2>\d{4})?\s*(?:\([^)]*\))?$", RegexOptions.CultureInvariant)]
    private static partial Regex AsctimePattern();
}
