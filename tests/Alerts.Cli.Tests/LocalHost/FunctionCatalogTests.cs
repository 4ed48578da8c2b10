using Alerts.Cli.LocalHost;
using Alerts.Core.Deals;
using Alerts.Core.Feeds;
using Alerts.Functions;
using Alerts.Functions.Functions;

namespace Alerts.Cli.Tests.LocalHost;

public class FunctionCatalogTests
{
    private static readonly IReadOnlyList<FunctionDescriptor> Functions = FunctionCatalog.Discover(typeof(AlertsFunctionsExtensions).Assembly);

    private static FunctionDescriptor Function(string name) => Assert.Single(Functions, f => f.Name == name);

    [Fact]
    public void Finds_every_function_of_the_app_sorted_by_name()
    {
        // Every function of the pipeline's spine is found (the app grows, so more may follow), in name order.
        var names = Functions.Select(f => f.Name).ToList();
        Assert.Subset(
            new HashSet<string>(names),
            new HashSet<string> { "CreateSubscription", "DeleteSubscription", "DeliverAlerts", "ExtractDeals", "FetchFeed", "GetSubscription", "Health", "ListDeals", "ListFeeds", "ListSubscriptions", "PollFeeds", "RegisterFeed" });
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }

    [Fact]
    public void PollFeeds_is_a_timer_on_the_poll_schedule_setting()
    {
        var function = Function("PollFeeds");

        Assert.Equal("%Alerts:PollSchedule%", Assert.IsType<TimerFunctionTrigger>(function.Trigger).Schedule);
        Assert.Equal(typeof(PollFeedsFunction), function.DeclaringType);
    }

    [Theory]
    [InlineData("FetchFeed", "feeds", typeof(FeedFetchMessage), typeof(FetchFeedFunction))]
    [InlineData("ExtractDeals", "articles", typeof(ArticleMessage), typeof(ExtractDealsFunction))]
    [InlineData("DeliverAlerts", "alerts", typeof(AlertMessage), typeof(DeliverAlertsFunction))]
    public void Queue_functions_bind_their_queue_and_message_type(string name, string queue, Type messageType, Type declaringType)
    {
        var function = Function(name);

        var trigger = Assert.IsType<QueueFunctionTrigger>(function.Trigger);
        Assert.Equal(queue, trigger.QueueName);
        Assert.Equal(messageType, trigger.MessageType);
        Assert.Equal(declaringType, function.DeclaringType);
    }

    [Theory]
    [InlineData("RegisterFeed", "feeds", "post")]
    [InlineData("ListFeeds", "feeds", "get")]
    [InlineData("CreateSubscription", "subscriptions", "post")]
    [InlineData("ListSubscriptions", "subscriptions", "get")]
    [InlineData("GetSubscription", "subscriptions/{id}", "get")]
    [InlineData("DeleteSubscription", "subscriptions/{id}", "delete")]
    [InlineData("ListDeals", "deals", "get")]
    public void Http_functions_other_than_health_need_the_key(string name, string route, string method)
    {
        var trigger = Assert.IsType<HttpFunctionTrigger>(Function(name).Trigger);

        Assert.Equal(route, trigger.Route);
        Assert.Equal([method], trigger.Methods);
        Assert.False(trigger.Anonymous);
    }

    [Fact]
    public void Health_is_anonymous_get_on_health()
    {
        var function = Function("Health");

        var trigger = Assert.IsType<HttpFunctionTrigger>(function.Trigger);
        Assert.Equal(("health", true), (trigger.Route, trigger.Anonymous));
        Assert.Equal(["get"], trigger.Methods);
        Assert.True(function.Method.IsStatic);
    }

    [Fact]
    public void Function_without_a_supported_trigger_is_an_error_naming_it()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => FunctionCatalog.Discover(typeof(FunctionCatalogTests).Assembly));

        Assert.Equal("Function Unsupported has no trigger the local host supports (HTTP, queue, timer).", ex.Message);
    }
}

/// <summary>A function whose trigger the local host cannot run (for <see cref="FunctionCatalogTests"/>).</summary>
public static class UnsupportedTriggerFixture
{
    [Microsoft.Azure.Functions.Worker.Function("Unsupported")]
    public static void Run(string input) => _ = input;
}
