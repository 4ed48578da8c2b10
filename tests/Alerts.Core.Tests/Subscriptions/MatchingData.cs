using Alerts.Core.Deals;
using Alerts.Core.Extraction;
using Alerts.Core.Subscriptions;

namespace Alerts.Core.Tests.Subscriptions;

/// <summary>Builders and a seeded random generator of subscriptions, watchlists and deals for matching tests.</summary>
internal static class MatchingData
{
    private static readonly string[] Codes = ["GOOGL", "9984", "VOD", "AAPL", "MSFT", "SAP", "BNP", "TSLA", "NVDA", "ASML"];
    private static readonly string[] Exchanges = ["XNAS", "XTKS", "XLON", "XETR", "XPAR"];
    private static readonly string[] Words = ["chip", "Chips", "merger", "SoftBank", "café", "CAFÉ", "ipo", "stake", "bond", "fund", "AI", "rate"];
    private static readonly string[] Currencies = ["USD", "EUR", "JPY", "GBP"];
    private static readonly string[] Languages = ["en", "fr", "de", "es"];

    public static Deal Deal(string title, string? summary = null, string? language = "en", decimal? largestUsd = 1_000_000m, params string[] tickers) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        FeedId = "feed",
        ItemId = Guid.NewGuid().ToString("N"),
        Title = title,
        Summary = summary,
        Language = language,
        Amounts = [new MoneyAmount(largestUsd ?? 1m, "USD", AmountQualifier.Exact, new TextEvidence(0, 1, "$"))],
        Tickers = [.. tickers.Select(t => TickerNormalizer.TryNormalize(t)!.Value).Select(k => new TickerMention(k.ToString(), k.Code, k.Exchange, new TextEvidence(0, 1, "x")))],
        Created = DateTimeOffset.UnixEpoch,
        LargestUsd = largestUsd,
    };

    public static Subscription Subscription(string[]? tickers = null, string[]? keywords = null, string[]? watchlists = null, Money? min = null, string[]? languages = null, bool enabled = true) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        Channel = SubscriptionChannel.Webhook,
        Target = "https://example.com/hook",
        Tickers = tickers ?? [],
        Keywords = keywords ?? [],
        Watchlists = watchlists ?? [],
        MinAmount = min,
        Languages = languages ?? [],
        Enabled = enabled,
        Created = DateTimeOffset.UnixEpoch,
    };

    public static Dictionary<string, Watchlist> RandomWatchlists(Random random) =>
        Enumerable.Range(0, 4).Select(i => new Watchlist
        {
            Name = "w" + i,
            Tickers = [.. Pick(random, 2).Select(_ => RandomTicker(random))],
            Companies = [.. Pick(random, 1).Select(_ => Words[random.Next(Words.Length)])],
            Keywords = [.. Pick(random, 2).Select(_ => Words[random.Next(Words.Length)])],
            Updated = DateTimeOffset.UnixEpoch,
        }).ToDictionary(w => w.Name);

    public static Subscription RandomSubscription(Random random) => Subscription(
        tickers: [.. Pick(random, 2).Select(_ => RandomTicker(random))],
        keywords: [.. Pick(random, 2).Select(_ => Words[random.Next(Words.Length)] + (random.Next(4) == 0 ? "*" : ""))], // some prefixes
        watchlists: [.. Pick(random, 1).Select(_ => "w" + random.Next(5))], // w4 does not exist: ignored.
        min: random.Next(4) == 0 ? new Money(random.Next(0, 3) * 1_000_000m, Currencies[random.Next(Currencies.Length)]) : null,
        languages: random.Next(4) == 0 ? [Languages[random.Next(Languages.Length)]] : null,
        enabled: random.Next(10) != 0);

    public static Deal RandomDeal(Random random)
    {
        // Keywords alone, glued to letters (inside a word: no match unless a prefix) or to punctuation (a word).
        var glue = new[] { "", "", "s", "x", "-", "'s", "." };
        var words = Enumerable.Range(0, random.Next(1, 8)).Select(_ => random.Next(3) == 0
            ? (random.Next(4) == 0 ? "x" : "") + Words[random.Next(Words.Length)] + glue[random.Next(glue.Length)]
            : "news");
        return Deal(
            string.Join(' ', words),
            random.Next(2) == 0 ? null : "about " + Words[random.Next(Words.Length)] + "s",
            random.Next(5) == 0 ? null : Languages[random.Next(Languages.Length)],
            random.Next(5) == 0 ? null : random.Next(0, 4) * 1_000_000m,
            [.. Pick(random, 2).Select(_ => RandomTicker(random))]);
    }

    // Bare codes, Reuters suffixes and exchange prefixes, so normalisation is exercised both ways.
    private static string RandomTicker(Random random)
    {
        var code = Codes[random.Next(Codes.Length)];
        return random.Next(3) switch
        {
            0 => code,
            1 => $"{Exchanges[random.Next(Exchanges.Length)]}:{code}",
            _ => code + "." + new[] { "O", "T", "L", "DE", "PA" }[random.Next(5)],
        };
    }

    private static IEnumerable<int> Pick(Random random, int max) => Enumerable.Range(0, random.Next(0, max + 1));
}
