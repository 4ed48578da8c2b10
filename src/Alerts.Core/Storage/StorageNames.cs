namespace Alerts.Core.Storage;

/// <summary>The one place that names Alerts' queues and tables (trigger attributes use these constants too).</summary>
public static class StorageNames
{
    /// <summary>One message per feed that is due to be fetched.</summary>
    public const string FeedsQueue = "feeds";

    /// <summary>One message per new feed item, input of deal extraction.</summary>
    public const string ArticlesQueue = "articles";

    /// <summary>One message per (deal, subscription) match, input of delivery.</summary>
    public const string AlertsQueue = "alerts";

    public const string FeedsTable = "Feeds";
    public const string FeedItemsTable = "FeedItems";
    public const string DealsTable = "Deals";
    public const string SubscriptionsTable = "Subscriptions";
    public const string DeliveriesTable = "Deliveries";

    public static IReadOnlyList<string> Queues { get; } = [FeedsQueue, ArticlesQueue, AlertsQueue];

    public static IReadOnlyList<string> Tables { get; } =
        [FeedsTable, FeedItemsTable, DealsTable, SubscriptionsTable, DeliveriesTable];

    /// <summary>The queue the Functions host moves a message to after maxDequeueCount failed attempts.</summary>
    public static string PoisonQueueOf(string queueName) => queueName + "-poison";
}
