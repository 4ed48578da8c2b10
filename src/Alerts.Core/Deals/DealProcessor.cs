using System.Globalization;
using Alerts.Core.Extraction;
using Alerts.Core.Feeds;
using Alerts.Core.Storage;
using Alerts.Core.Subscriptions.Matching;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Deals;

/// <summary>
/// The ExtractDeals stage: extracts amounts and tickers from an article, stores the deal once,
/// and queues one alert per matching subscription. Every step is idempotent, so replays are harmless.
/// </summary>
public sealed partial class DealProcessor(
    IDealExtractor extractor,
    IDealStore deals,
    SubscriptionIndexProvider subscriptions,
    IUsdValuer valuer,
    AlertDispatcher alerts,
    TimeProvider clock,
    ILogger<DealProcessor> logger)
{
    /// <summary>Processes one article; returns the deal, or null when the article names no amount.</summary>
    public async Task<Deal?> ProcessAsync(ArticleMessage article, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(article);
        var text = string.Join("\n", new[] { article.Title, article.Summary, article.Content }.Where(t => !string.IsNullOrWhiteSpace(t)));
        var extraction = extractor.Extract(text, article.Language);
        if (extraction.Amounts.Count == 0)
        {
            LogNoAmount(logger, article.Title ?? article.ItemId);
            return null;
        }

        var deal = new Deal
        {
            Id = StableId.From(article.FeedId, article.ItemId),
            FeedId = article.FeedId,
            ItemId = article.ItemId,
            Title = article.Title ?? article.Link ?? article.ItemId,
            Link = article.Link,
            Summary = article.Summary,
            Published = article.Published,
            Language = extraction.Language ?? article.Language,
            Amounts = extraction.Amounts,
            Tickers = extraction.Tickers,
            Created = clock.GetUtcNow(),
            LargestUsd = ApproximateUsdValuer.Largest(valuer, extraction.Amounts),
        };
        if (await deals.AddIfAbsentAsync(deal, cancellationToken).ConfigureAwait(false))
        {
            LogDeal(logger, deal.Title, Describe(deal.Amounts), string.Join(", ", deal.Tickers.Select(t => t.Symbol).Distinct()));
        }
        else
        {
            // A replay: alert on the stored deal so its id and contents stay those subscribers may have seen.
            deal = await deals.GetAsync(deal.Id, cancellationToken).ConfigureAwait(false) ?? deal;
        }

        // The index returns each matching subscription once; the dispatcher skips pairs queued by an earlier run.
        var index = await subscriptions.GetAsync(cancellationToken).ConfigureAwait(false);
        var queued = 0;
        foreach (var subscription in index.Match(deal))
        {
            queued += await alerts.QueueAsync(deal, subscription, cancellationToken).ConfigureAwait(false) ? 1 : 0;
        }

        if (queued > 0)
        {
            await deals.AddAlertCountAsync(deal.Id, queued, cancellationToken).ConfigureAwait(false);
        }

        return deal;
    }

    /// <summary>"USD 30,000,000,000; EUR 1,200,000" for logs and mails.</summary>
    public static string Describe(IEnumerable<MoneyAmount> amounts) =>
        string.Join("; ", amounts.Select(a => $"{a.Currency} {a.Value.ToString("#,0.##", CultureInfo.InvariantCulture)}"));

    [LoggerMessage(Level = LogLevel.Information, Message = "Deal: \"{Title}\" amounts [{Amounts}] tickers [{Tickers}]")]
    private static partial void LogDeal(ILogger logger, string title, string amounts, string tickers);

    [LoggerMessage(Level = LogLevel.Information, Message = "No amount in \"{Title}\": not a deal")]
    private static partial void LogNoAmount(ILogger logger, string title);

}
