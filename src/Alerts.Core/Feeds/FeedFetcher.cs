using System.Net;
using System.Net.Http.Headers;
using Alerts.Core.Configuration;
using Alerts.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Feeds;

/// <summary>Fetches one feed (conditional GET, bounded size), parses it and queues the items not seen before.</summary>
public sealed partial class FeedFetcher(
    IHttpClientFactory httpClients,
    IFeedParser parser,
    IFeedStore feeds,
    IFeedItemStore seenItems,
    IMessageQueue queue,
    TimeProvider clock,
    IOptionsMonitor<FeedOptions> options,
    ILogger<FeedFetcher> logger)
{
    /// <summary>Name of the <see cref="HttpClient"/> used for feeds (SSRF-guarded, resilient).</summary>
    public const string HttpClientName = "feeds";

    // Azure queue messages hold 64 KiB of base64, i.e. 48 KiB of JSON: long bodies are cut to fit.
    private const int MaxTextLength = 16_000;

    /// <summary>Fetches the feed and queues its new items; returns how many were queued.</summary>
    public async Task<int> FetchAsync(string feedId, CancellationToken cancellationToken)
    {
        var feed = await feeds.GetAsync(feedId, cancellationToken).ConfigureAwait(false);
        if (feed is null || !feed.Enabled)
        {
            LogSkipped(logger, feedId);
            return 0;
        }

        var settings = options.CurrentValue;
        ParsedFeed? parsed;
        string? etag;
        string? lastModified;
        try
        {
            (parsed, etag, lastModified) = await DownloadAsync(feed, settings, cancellationToken).ConfigureAwait(false);
        }
        // ExecutionRejectedException: the resilience pipeline's total timeout and open circuit fail the feed like any other fetch error.
        catch (Exception ex) when (ex is HttpRequestException or FeedFormatException or TaskCanceledException or InvalidDataException or Polly.ExecutionRejectedException
            && !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, feed.Url, ex.Message);
            await feeds.UpdateAsync(feed with { LastPolled = clock.GetUtcNow(), ConsecutiveFailures = feed.ConsecutiveFailures + 1, LastError = ex.Message }, cancellationToken).ConfigureAwait(false);
            return 0;
        }

        var queued = 0;
        if (parsed is not null)
        {
            foreach (var entry in parsed.Entries.Take(settings.MaxItemsPerPoll))
            {
                if (await seenItems.HasSeenAsync(feed.Id, entry.Id, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                // Queue first, then remember: a crash in between resends the item, and extraction is idempotent.
                await queue.SendAsync(StorageNames.ArticlesQueue, ToArticle(feed.Id, entry, parsed.Language), cancellationToken).ConfigureAwait(false);
                await seenItems.MarkSeenAsync(feed.Id, entry.Id, cancellationToken).ConfigureAwait(false);
                LogNewItem(logger, entry.Title ?? entry.Id, feed.Url);
                Telemetry.AlertsTelemetry.ItemsPolled.Add(1);
                queued++;
            }
        }

        await feeds.UpdateAsync(
            feed with
            {
                Title = parsed?.Title ?? feed.Title,
                ETag = etag,
                LastModified = lastModified,
                LastPolled = clock.GetUtcNow(),
                ConsecutiveFailures = 0,
                LastError = null,
            },
            cancellationToken).ConfigureAwait(false);
        if (parsed is null)
        {
            LogNotModified(logger, feed.Url);
        }
        else
        {
            LogPolled(logger, feed.Url, parsed.Entries.Count, queued);
        }

        return queued;
    }

    private async Task<(ParsedFeed? Feed, string? ETag, string? LastModified)> DownloadAsync(FeedRegistration feed, FeedOptions settings, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.FetchTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, feed.Url);
        request.Headers.UserAgent.ParseAdd(settings.UserAgent);
        request.Headers.Accept.ParseAdd("application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.8");
        if (feed.ETag is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", feed.ETag);
        }

        if (feed.LastModified is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Modified-Since", feed.LastModified);
        }

        using var response = await httpClients.CreateClient(HttpClientName)
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return (null, feed.ETag, feed.LastModified);
        }

        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > settings.MaxResponseBytes)
        {
            throw new InvalidDataException($"The feed is larger than the limit of {settings.MaxResponseBytes} bytes.");
        }

        var body = await ReadBoundedAsync(response.Content, settings.MaxResponseBytes, timeout.Token).ConfigureAwait(false);
        var parsed = parser.Parse(body, new FeedParseContext(response.Content.Headers.ContentType?.ToString(), feed.Url));
        return (parsed, response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"));
    }

    private static async Task<MemoryStream> ReadBoundedAsync(HttpContent content, long limit, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (buffer.Length + read > limit)
                {
                    throw new InvalidDataException($"The feed is larger than the limit of {limit} bytes.");
                }

                buffer.Write(chunk, 0, read);
            }

            buffer.Position = 0;
            return buffer;
        }
    }

    private static ArticleMessage ToArticle(string feedId, FeedEntry entry, string? feedLanguage) => new()
    {
        FeedId = feedId,
        ItemId = entry.Id,
        Title = Cut(entry.Title),
        Link = entry.Link,
        Summary = Cut(entry.Summary),
        Content = Cut(entry.Content),
        Published = entry.Published ?? entry.Updated,
        Language = entry.Language ?? feedLanguage,
    };

    private static string? Cut(string? text) => text is { Length: > MaxTextLength } ? text[..MaxTextLength] : text;

    [LoggerMessage(Level = LogLevel.Information, Message = "Polled {Url}: {Items} item(s), {New} new")]
    private static partial void LogPolled(ILogger logger, Uri url, int items, int @new);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Polled {Url}: not modified")]
    private static partial void LogNotModified(ILogger logger, Uri url);

    [LoggerMessage(Level = LogLevel.Information, Message = "New item: \"{Title}\" from {Url}")]
    private static partial void LogNewItem(ILogger logger, string title, Uri url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Url} failed: {Reason}. The other feeds go on; it is retried at the next poll.")]
    private static partial void LogFailed(ILogger logger, Uri url, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Feed {FeedId} is unknown or disabled; nothing fetched")]
    private static partial void LogSkipped(ILogger logger, string feedId);
}
