using System.Net;
using Alerts.Core.Configuration;
using Alerts.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alerts.Core.Feeds;

/// <summary>
/// Fetches one feed (conditional GET, bounded size, per-host concurrency cap), parses it, queues the items that are
/// new or revised, and schedules the next poll from the feed's interval, the server's hints and its failures.
/// </summary>
public sealed partial class FeedFetcher(
    IHttpClientFactory httpClients,
    IFeedParser parser,
    IFeedStore feeds,
    IFeedItemStore seenItems,
    IMessageQueue queue,
    HostThrottle throttle,
    TimeProvider clock,
    IOptionsMonitor<FeedOptions> options,
    ILogger<FeedFetcher> logger)
{
    /// <summary>Name of the <see cref="HttpClient"/> used for feeds (SSRF-guarded, resilient).</summary>
    public const string HttpClientName = "feeds";

    // Azure queue messages hold 64 KiB of base64, i.e. 48 KiB of JSON: long bodies are cut to fit.
    private const int MaxTextLength = 16_000;

    /// <summary>Fetches the feed and queues its new and revised items; returns how many were queued.</summary>
    public async Task<int> FetchAsync(string feedId, CancellationToken cancellationToken)
    {
        var feed = await feeds.GetAsync(feedId, cancellationToken).ConfigureAwait(false);
        if (feed is null || !feed.Enabled)
        {
            LogSkipped(logger, feedId);
            return 0;
        }

        // A second message for the same feed (the timer ran again before the first was handled) finds it polled.
        if (feed.NextPoll > clock.GetUtcNow())
        {
            LogNotDue(logger, feed.Url);
            return 0;
        }

        var settings = options.CurrentValue;
        var interval = feed.Interval ?? settings.DefaultInterval;
        Download download;
        using (await throttle.EnterAsync(feed.Url, cancellationToken).ConfigureAwait(false))
        {
            download = await DownloadAsync(feed, settings, cancellationToken).ConfigureAwait(false);
        }

        if (download.Error is { } error)
        {
            await RecordFailureAsync(feed.Id, error, interval, download.Hints, settings, cancellationToken).ConfigureAwait(false);
            return 0;
        }

        var queued = 0;
        var parsed = download.Feed;
        if (parsed is not null)
        {
            queued = await QueueNewItemsAsync(feed, parsed, settings, cancellationToken).ConfigureAwait(false);
        }

        var hints = download.Hints with { TimeToLive = parsed?.TimeToLive };
        var now = clock.GetUtcNow();
        await feeds.UpdateAsync(
            feed.Id,
            stored => stored with
            {
                Title = parsed?.Title ?? stored.Title,
                ETag = download.ETag,
                LastModified = download.LastModified,
                LastPolled = now,
                NextPoll = PollScheduler.AfterSuccess(now, stored.Interval ?? settings.DefaultInterval, hints, settings.MaxInterval),
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

    private async Task<int> QueueNewItemsAsync(FeedRegistration feed, ParsedFeed parsed, FeedOptions settings, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var known = await seenItems.LoadAsync(feed.Id, cancellationToken).ConfigureAwait(false);
        var update = SeenItemLedger.Reconcile(known, parsed.Entries.Take(settings.MaxItemsPerPoll), now, settings.SeenItemRetention);
        var queued = 0;
        foreach (var (entry, change) in update.Items)
        {
            if (change == ItemChange.Unchanged)
            {
                continue;
            }

            // Queue first, then remember: a crash in between resends the item, and extraction is idempotent.
            await queue.SendAsync(StorageNames.ArticlesQueue, ToArticle(feed, entry, parsed.Language), cancellationToken).ConfigureAwait(false);
            if (change == ItemChange.New)
            {
                LogNewItem(logger, entry.Title ?? entry.Id, feed.Url);
                Telemetry.AlertsTelemetry.ItemsPolled.Add(1);
            }
            else
            {
                LogRevisedItem(logger, entry.Title ?? entry.Id, feed.Url);
            }

            queued++;
        }

        if (update.ToSave.Count > 0)
        {
            await seenItems.SaveAsync(feed.Id, update.ToSave, cancellationToken).ConfigureAwait(false);
        }

        if (update.ToForget.Count > 0)
        {
            await seenItems.ForgetAsync(feed.Id, update.ToForget, cancellationToken).ConfigureAwait(false);
        }

        return queued;
    }

    private async Task RecordFailureAsync(string feedId, string error, TimeSpan interval, PollHints hints, FeedOptions settings, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var stored = await feeds.UpdateAsync(
            feedId,
            feed =>
            {
                var failures = feed.ConsecutiveFailures + 1;
                var disable = failures >= settings.MaxConsecutiveFailures;
                return feed with
                {
                    LastPolled = now,
                    ConsecutiveFailures = failures,
                    LastError = error,
                    NextPoll = PollScheduler.AfterFailure(now, feed.Interval ?? interval, failures, hints, settings.MaxInterval),
                    Enabled = feed.Enabled && !disable,
                    DisabledReason = disable ? $"Disabled after {failures} consecutive failures; the last: {error}" : feed.DisabledReason,
                };
            },
            cancellationToken).ConfigureAwait(false);
        if (stored is { Enabled: false, DisabledReason: { } reason })
        {
            LogDisabled(logger, stored.Url, reason);
        }
        else if (stored is not null)
        {
            LogFailed(logger, stored.Url, error, stored.NextPoll);
        }
    }

    private async Task<Download> DownloadAsync(FeedRegistration feed, FeedOptions settings, CancellationToken cancellationToken)
    {
        try
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
            var hints = PollHints.From(response, clock.GetUtcNow());
            if (response.StatusCode == HttpStatusCode.NotModified)
            {
                // A 304 may carry fresher validators; keep the old ones otherwise.
                return new Download(null, response.Headers.ETag?.ToString() ?? feed.ETag, response.Content.Headers.LastModified?.ToString("R") ?? feed.LastModified, hints, null);
            }

            if (!response.IsSuccessStatusCode)
            {
                return Download.Failed($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}".TrimEnd(), hints);
            }

            if (response.Content.Headers.ContentLength > settings.MaxResponseBytes)
            {
                return Download.Failed($"The feed is larger than the limit of {settings.MaxResponseBytes} bytes.", hints);
            }

            using var body = await ReadBoundedAsync(response.Content, settings.MaxResponseBytes, timeout.Token).ConfigureAwait(false);
            var parsed = parser.Parse(body, new FeedParseContext(response.Content.Headers.ContentType?.ToString(), feed.Url));
            return new Download(parsed, response.Headers.ETag?.ToString(), response.Content.Headers.LastModified?.ToString("R"), hints, null);
        }
        catch (Exception ex) when (ex is HttpRequestException or FeedFormatException or OperationCanceledException or InvalidDataException or Polly.ExecutionRejectedException
                                   && !cancellationToken.IsCancellationRequested)
        {
            var reason = ex is OperationCanceledException or Polly.Timeout.TimeoutRejectedException
                ? $"No complete answer within {settings.FetchTimeout}."
                : Innermost(ex).Message;
            return Download.Failed(reason, PollHints.None);
        }
    }

    // HttpClient wraps the guard's refusal and socket errors; the innermost message says what happened.
    private static Exception Innermost(Exception ex) => ex is HttpRequestException { InnerException: HttpRequestException inner } ? Innermost(inner) : ex;

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

    private static ArticleMessage ToArticle(FeedRegistration feed, FeedEntry entry, string? feedLanguage) => new()
    {
        FeedId = feed.Id,
        ItemId = entry.Id,
        Title = Cut(entry.Title),
        Link = entry.Link,
        Summary = Cut(entry.Summary),
        Content = Cut(entry.Content),
        Published = entry.Published ?? entry.Updated,
        Language = feed.Language ?? entry.Language ?? feedLanguage, // the administrator's override wins
    };

    private static string? Cut(string? text) => text is { Length: > MaxTextLength } ? text[..MaxTextLength] : text;

    private sealed record Download(ParsedFeed? Feed, string? ETag, string? LastModified, PollHints Hints, string? Error)
    {
        public static Download Failed(string error, PollHints hints) => new(null, null, null, hints, error);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Polled {Url}: {Items} item(s), {New} new or revised")]
    private static partial void LogPolled(ILogger logger, Uri url, int items, int @new);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Polled {Url}: not modified")]
    private static partial void LogNotModified(ILogger logger, Uri url);

    [LoggerMessage(Level = LogLevel.Information, Message = "New item: \"{Title}\" from {Url}")]
    private static partial void LogNewItem(ILogger logger, string title, Uri url);

    [LoggerMessage(Level = LogLevel.Information, Message = "Revised item: \"{Title}\" from {Url}")]
    private static partial void LogRevisedItem(ILogger logger, string title, Uri url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Url} failed: {Reason}. The other feeds go on; it is retried at {NextPoll}.")]
    private static partial void LogFailed(ILogger logger, Uri url, string reason, DateTimeOffset? nextPoll);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Feed {Url} is disabled: {Reason}. PATCH it with enabled=true to resume.")]
    private static partial void LogDisabled(ILogger logger, Uri url, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Feed {FeedId} is unknown or disabled; nothing fetched")]
    private static partial void LogSkipped(ILogger logger, string feedId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Feed {Url} was polled already; this message is a duplicate")]
    private static partial void LogNotDue(ILogger logger, Uri url);
}
