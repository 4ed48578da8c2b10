using System.Collections.Frozen;
using System.Net.Mail;
using Alerts.Core.Api;
using Alerts.Core.Extraction;
using Alerts.Core.Security;

namespace Alerts.Core.Subscriptions;

/// <summary>
/// The validation rules and limits of subscriptions and watchlists (documented in docs/api.md). Each check
/// returns a 400 problem naming the field, so services validate everything before they store anything.
/// </summary>
public static class SubscriptionRules
{
    /// <summary>Most tickers, keywords, companies, watchlists or languages one list may hold.</summary>
    public const int MaxListLength = 100;

    /// <summary>Longest e-mail address or webhook URL.</summary>
    public const int MaxTargetLength = 2048;

    /// <summary>Longest keyword or company name.</summary>
    public const int MaxKeywordLength = 200;

    /// <summary>Longest watchlist name.</summary>
    public const int MaxWatchlistNameLength = 64;

    /// <summary>Largest minimum amount accepted (a trillion trillions: beyond any deal).</summary>
    public const decimal MaxAmount = 1e24m;

    // ISO 4217 active codes (2024). A fixed list: a typo such as "USDD" or "usd" is an error, not a silent no-match.
    private static readonly FrozenSet<string> Currencies = """
        AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF
        CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG
        HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA
        MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD
        RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX
        USD UYU UZS VES VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    // ISO 639-1 two-letter language codes.
    private static readonly FrozenSet<string> LanguageCodes = """
        aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en
        eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja
        jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb
        nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq
        sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    public static bool IsCurrency(string? code) => code is not null && Currencies.Contains(code);

    public static bool IsLanguage(string? code) => code is not null && LanguageCodes.Contains(code);

    /// <summary>A symbol of 1-32 letters, digits, '.', '_', '-', ':' or spaces that the normaliser accepts.</summary>
    public static bool IsTicker(string? value)
    {
        var t = value?.Trim();
        return t is { Length: >= 1 and <= 32 }
            && t.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or ':' or ' ')
            && TickerNormalizer.TryNormalize(t) is not null;
    }

    public static bool IsWatchlistName(string? value) =>
        value is { Length: >= 1 and <= MaxWatchlistNameLength } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>1-200 characters after trimming, no control characters (no CR/LF smuggled into mails or logs).</summary>
    public static bool IsKeyword(string? value) =>
        value?.Trim() is { Length: >= 1 and <= MaxKeywordLength } k && !k.Any(char.IsControl);

    public static ApiProblem? CheckTickers(string field, IReadOnlyList<string>? values) =>
        CheckList(field, values, IsTicker, "a symbol of 1-32 letters, digits, '.', '_', '-', ':' or spaces");

    public static ApiProblem? CheckKeywords(string field, IReadOnlyList<string>? values) =>
        CheckList(field, values, IsKeyword, $"1-{MaxKeywordLength} characters without control characters");

    public static ApiProblem? CheckLanguages(IReadOnlyList<string>? values) =>
        CheckList("languages", values, IsLanguage, "an ISO 639-1 code in lower case, such as \"en\"");

    public static ApiProblem? CheckWatchlistNames(IReadOnlyList<string>? values) =>
        CheckList("watchlists", values, IsWatchlistName, $"a watchlist name of 1-{MaxWatchlistNameLength} letters, digits, '-' or '_'");

    public static ApiProblem? CheckList(string field, IReadOnlyList<string>? values, Func<string, bool> isValid, string rule)
    {
        if (values is null)
        {
            return null;
        }

        if (values.Count > MaxListLength)
        {
            return ApiProblem.Invalid(field, $"At most {MaxListLength} {field} are allowed.");
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is null || !isValid(values[i]))
            {
                return ApiProblem.Invalid($"{field}[{i}]", $"Each of {field} must be {rule}.");
            }
        }

        return null;
    }

    /// <summary>Checks a minimum amount: a non-negative value in a known ISO 4217 currency.</summary>
    public static ApiResult<Money> CheckMoney(MoneyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Value is not { } value || value < 0 || value > MaxAmount)
        {
            return ApiProblem.Invalid("minAmount.value", $"The minimum amount must be a number from 0 to {MaxAmount:E0}.");
        }

        return IsCurrency(request.Currency)
            ? ApiResult<Money>.Ok(new Money(value, request.Currency!))
            : ApiProblem.Invalid("minAmount.currency", "The currency must be an ISO 4217 code in upper case, such as \"USD\".");
    }

    /// <summary>Checks an e-mail address (bare, no CR/LF) or a webhook URL (absolute http(s), not private or metadata).</summary>
    public static ApiProblem? CheckTarget(SubscriptionChannel channel, string? target, OutboundRequestGuard guard)
    {
        ArgumentNullException.ThrowIfNull(guard);
        if (string.IsNullOrEmpty(target) || target.Length > MaxTargetLength || target.Trim().Length != target.Length)
        {
            return ApiProblem.Invalid("target", $"The target is required (an e-mail address or webhook URL of at most {MaxTargetLength} characters, no surrounding spaces).");
        }

        if (channel == SubscriptionChannel.Email)
        {
            // CR/LF would allow header injection; MailAddress alone accepts display names, so require the bare address.
            var ok = !target.Any(char.IsControl)
                && MailAddress.TryCreate(target, out var address)
                && address.Address == target
                && address.DisplayName.Length == 0;
            return ok ? null : ApiProblem.Invalid("target", "The target must be a plain e-mail address such as ops@example.com.");
        }

        if (target.Any(char.IsControl) || !Uri.TryCreate(target, UriKind.Absolute, out var url))
        {
            return ApiProblem.Invalid("target", "The webhook target must be an absolute http or https URL.");
        }

        return guard.CheckUrl(url) is { } reason ? ApiProblem.Invalid("target", $"The webhook URL {reason}.") : null;
    }
}
