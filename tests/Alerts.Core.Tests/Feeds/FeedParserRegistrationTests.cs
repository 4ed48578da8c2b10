using Alerts.Core.Feeds;
using Alerts.Core.Feeds.Parsing;
using Microsoft.Extensions.DependencyInjection;

namespace Alerts.Core.Tests.Feeds;

public class FeedParserRegistrationTests
{
    [Fact]
    public void Resolves_from_dependency_injection_with_the_default_limits()
    {
        using var services = new ServiceCollection().AddSingleton<IFeedParser, FeedParser>().BuildServiceProvider();

        var parser = services.GetRequiredService<IFeedParser>();

        using var document = new MemoryStream("<rss><channel><title>ok</title></channel></rss>"u8.ToArray());
        Assert.Equal("ok", parser.Parse(document, new FeedParseContext()).Title);
        Assert.Equal(10 * 1024 * 1024, FeedParserOptions.Default.MaxDocumentBytes);
    }
}
