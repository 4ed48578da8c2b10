using Alerts.Core.Feeds;

namespace Alerts.Core.Tests.Feeds;

public sealed class CanonicalUrlTests
{
    [Theory]
    [InlineData("HTTPS://News.Example.COM/Markets/Story-1", "https://news.example.com/Markets/Story-1")]
    [InlineData("https://news.example.com:443/a", "https://news.example.com/a")]
    [InlineData("https://news.example.com/a#comments", "https://news.example.com/a")]
    [InlineData("https://news.example.com/a?utm_source=rss&utm_medium=feed&UTM_Campaign=x", "https://news.example.com/a")]
    [InlineData("https://news.example.com/a?fbclid=abc&id=7&gclid=def", "https://news.example.com/a?id=7")]
    [InlineData("https://news.example.com/a?page=2&utm_term=t#top", "https://news.example.com/a?page=2")]
    public void Canonical_urls_drop_case_of_scheme_and_host_tracking_parameters_and_fragments(string url, string expected)
    {
        Assert.Equal(expected, CanonicalUrl.Normalize(url));
    }

    [Fact]
    public void The_path_keeps_its_case_and_other_parameters_their_order()
    {
        Assert.Equal("https://example.com/A/b?z=1&a=2", CanonicalUrl.Normalize("https://example.com/A/b?z=1&a=2"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/relative/path")]
    [InlineData("ftp://example.com/file")]
    [InlineData("urn:uuid:1234")]
    public void Non_http_or_relative_links_have_no_canonical_form(string? url)
    {
        Assert.Null(CanonicalUrl.Normalize(url));
    }
}
