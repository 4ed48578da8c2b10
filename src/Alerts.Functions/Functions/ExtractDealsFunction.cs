using Alerts.Core.Deals;
using Alerts.Core.Feeds;
using Alerts.Core.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Alerts.Functions.Functions;

/// <summary>Queue <c>articles</c>: extracts amounts and tickers, stores the deal, queues matching alerts.</summary>
public sealed class ExtractDealsFunction(DealProcessor processor)
{
    [Function("ExtractDeals")]
    public Task<Deal?> Run([QueueTrigger(StorageNames.ArticlesQueue)] ArticleMessage article, CancellationToken cancellationToken) =>
        processor.ProcessAsync(article, cancellationToken);
}
