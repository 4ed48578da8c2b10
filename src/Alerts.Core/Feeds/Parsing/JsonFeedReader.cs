using System.Text.Json;

namespace Alerts.Core.Feeds.Parsing;

/// <summary>JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).</summary>
internal static class JsonFeedReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64, CommentHandling = JsonCommentHandling.Skip };

    public static ParsedFeed Read(string text, Uri? documentBase)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Options);
        }
        catch (JsonException ex)
        {
            throw new FeedFormatException($"Not a feed: invalid JSON ({ex.Message})", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !(String(root, "version")?.Contains("jsonfeed.org", StringComparison.OrdinalIgnoreCase) == true
                     || root.TryGetProperty("items", out var probe) && probe.ValueKind == JsonValueKind.Array))
            {
                throw new FeedFormatException("Not a feed: JSON without a JSON Feed version or items.");
            }

            var entries = new List<FeedEntry>();
            if (root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
                {
                    entries.Add(Entry(item, documentBase));
                }
            }

            return new ParsedFeed(String(root, "title"), Link(String(root, "home_page_url"), documentBase), String(root, "language"), entries);
        }
    }

    private static FeedEntry Entry(JsonElement item, Uri? documentBase)
    {
        var title = String(item, "title");
        var link = Link(String(item, "url"), documentBase);
        var published = FeedDates.Parse(String(item, "date_published"));
        var updated = FeedDates.Parse(String(item, "date_modified"));
        var content = String(item, "content_html") ?? String(item, "content_text");
        var summary = String(item, "summary");
        var authors = new List<string>();
        if (item.TryGetProperty("authors", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            authors.AddRange(list.EnumerateArray().Select(a => String(a, "name")).OfType<string>());
        }
        else if (item.TryGetProperty("author", out var single) && String(single, "name") is { } name)
        {
            authors.Add(name); // JSON Feed 1.0 (deprecated in 1.1)
        }

        var tags = item.TryGetProperty("tags", out var t) && t.ValueKind == JsonValueKind.Array
            ? t.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString()!).ToList()
            : [];

        return new FeedEntry
        {
            Id = String(item, "id") ?? link ?? XmlContent.HashId(title, published ?? updated, summary ?? content),
            Title = title,
            Link = link,
            Summary = summary,
            Content = content,
            Published = published,
            Updated = updated,
            Authors = authors,
            Categories = tags,
            Language = String(item, "language"),
        };
    }

    private static string? Link(string? url, Uri? documentBase) =>
        url is null || documentBase is null || Uri.IsWellFormedUriString(url, UriKind.Absolute) ? url
        : Uri.TryCreate(documentBase, url, out var resolved) ? resolved.AbsoluteUri : url;

    // JSON Feed ids may be numbers in the wild although the spec says strings.
    private static string? String(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => XmlContent.NullIfEmpty(value.GetString()),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }
}
