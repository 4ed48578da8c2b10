using Alerts.Core.Api;
using Alerts.Core.Security;
using Alerts.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Alerts.Core.Feeds;

/// <summary>Registers and lists feeds (the <c>/api/feeds</c> resource).</summary>
public sealed partial class FeedRegistry(IFeedStore feeds, IMessageQueue queue, OutboundRequestGuard guard, TimeProvider clock, ILogger<FeedRegistry> logger)
{
    public async Task<ApiResult<FeedResource>> RegisterAsync(RegisterFeedRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (string.IsNullOrWhiteSpace(request.Url))
        {
            return ApiProblem.Invalid("url", "The feed URL is required.");
        }

        if (request.Url.Length > 2048 || !Uri.TryCreate(request.Url.Trim(), UriKind.Absolute, out var url))
        {
            return ApiProblem.Invalid("url", "The feed URL must be an absolute http or https URL of at most 2048 characters.");
        }

        if (guard.CheckUrl(url) is { } reason)
        {
            return ApiProblem.Invalid("url", $"The feed URL {reason}.");
        }

        var feed = new FeedRegistration { Id = StableId.From(url.AbsoluteUri), Url = url, Created = clock.GetUtcNow() };
        var (stored, created) = await feeds.AddIfAbsentAsync(feed, cancellationToken).ConfigureAwait(false);
        if (created)
        {
            // Fetch a new feed right away rather than at the next timer tick.
            await queue.SendAsync(StorageNames.FeedsQueue, new FeedFetchMessage(stored.Id), cancellationToken).ConfigureAwait(false);
            LogRegistered(logger, url);
        }

        return created ? ApiResult<FeedResource>.Created(FeedResource.From(stored)) : ApiResult<FeedResource>.Ok(FeedResource.From(stored));
    }

    public async Task<IReadOnlyList<FeedResource>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<FeedResource>();
        await foreach (var feed in feeds.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(FeedResource.From(feed));
        }

        return list.OrderBy(f => f.Created).ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Feed registered: {Url}")]
    private static partial void LogRegistered(ILogger logger, Uri url);
}
