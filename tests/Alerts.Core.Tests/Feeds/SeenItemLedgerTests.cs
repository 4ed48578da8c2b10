using Alerts.Core.Feeds;
using Alerts.Core.Storage;

namespace Alerts.Core.Tests.Feeds;

public sealed class SeenItemLedgerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 6, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    [Fact]
    public void An_item_is_new_once_and_unchanged_afterwards()
    {
        var item = Entry("guid-1", "https://example.com/1", "Title");

        var first = SeenItemLedger.Reconcile(Known(), [item], Now, Retention);
        var second = SeenItemLedger.Reconcile(Known(first.ToSave), [item], Now.AddMinutes(15), Retention);

        Assert.Equal(ItemChange.New, Assert.Single(first.Items).Change);
        Assert.Equal(ItemChange.Unchanged, Assert.Single(second.Items).Change);
        Assert.Empty(second.ToSave);
    }

    [Fact]
    public void A_feed_repeating_one_guid_for_different_links_keeps_the_items_apart()
    {
        var a = Entry("same-guid", "https://example.com/story-a", "A");
        var b = Entry("same-guid", "https://example.com/story-b", "B");

        var update = SeenItemLedger.Reconcile(Known(), [a, b], Now, Retention);

        Assert.All(update.Items, i => Assert.Equal(ItemChange.New, i.Change));
        Assert.Equal(2, update.ToSave.Select(s => s.Key).Distinct().Count());
    }

    [Fact]
    public void Tracking_parameters_on_a_link_do_not_make_an_item_new()
    {
        var plain = Entry("guid-7", "https://example.com/7", "T");
        var tracked = plain with { Link = "https://EXAMPLE.com/7?utm_source=rss#top" };

        Assert.Equal(SeenItemLedger.KeyOf(plain), SeenItemLedger.KeyOf(tracked));
    }

    [Fact]
    public void An_item_whose_id_is_its_link_keeps_the_key_of_its_id_alone()
    {
        Assert.Equal(StableId.From("https://example.com/x"), SeenItemLedger.KeyOf(Entry("https://example.com/x", "https://example.com/x")));
    }

    [Fact]
    public void The_same_id_with_a_new_title_or_content_is_a_revision()
    {
        var original = Entry("guid-2", "https://example.com/2", "SoftBank weighs $2bn deal");
        var first = SeenItemLedger.Reconcile(Known(), [original], Now, Retention);

        var edited = SeenItemLedger.Reconcile(Known(first.ToSave), [original with { Title = "SoftBank weighs $3bn deal" }], Now.AddHours(1), Retention);
        var again = SeenItemLedger.Reconcile(Known(edited.ToSave), [original with { Title = "SoftBank weighs $3bn deal" }], Now.AddHours(2), Retention);

        Assert.Equal(ItemChange.Revised, Assert.Single(edited.Items).Change);
        Assert.Equal(ItemChange.Unchanged, Assert.Single(again.Items).Change);
    }

    [Fact]
    public void An_item_that_leaves_the_feed_and_comes_back_within_the_retention_is_not_new_again()
    {
        var item = Entry("guid-3", "https://example.com/3", "T");
        var other = Entry("guid-4", "https://example.com/4", "U");
        var seen = Known(SeenItemLedger.Reconcile(Known(), [item], Now, Retention).ToSave);

        var gone = SeenItemLedger.Reconcile(seen, [other], Now.AddDays(10), Retention);
        var back = SeenItemLedger.Reconcile(Known([.. seen.Values, .. gone.ToSave]), [item, other], Now.AddDays(20), Retention);

        Assert.Empty(gone.ToForget); // a tombstone, kept
        Assert.Equal(ItemChange.Unchanged, back.Items.Single(i => i.Entry.Id == "guid-3").Change);
    }

    [Fact]
    public void A_tombstone_older_than_the_retention_is_forgotten()
    {
        var item = Entry("guid-5", "https://example.com/5", "T");
        var seen = Known(SeenItemLedger.Reconcile(Known(), [item], Now, Retention).ToSave);

        var later = SeenItemLedger.Reconcile(seen, [], Now + Retention + TimeSpan.FromMinutes(1), Retention);

        Assert.Equal([SeenItemLedger.KeyOf(item)], later.ToForget);
    }

    [Fact]
    public void An_item_still_in_the_feed_is_refreshed_so_it_never_expires()
    {
        var item = Entry("guid-6", "https://example.com/6", "T");
        var seen = Known(SeenItemLedger.Reconcile(Known(), [item], Now, Retention).ToSave);

        var soon = SeenItemLedger.Reconcile(seen, [item], Now.AddDays(1), Retention);
        var weeksLater = SeenItemLedger.Reconcile(seen, [item], Now.AddDays(8), Retention);

        Assert.Empty(soon.ToSave);
        Assert.Equal(Now.AddDays(8), Assert.Single(weeksLater.ToSave).LastSeen);
        Assert.Empty(weeksLater.ToForget);
    }

    [Fact]
    public void Items_remembered_before_content_hashes_existed_are_not_new_nor_revised()
    {
        var item = Entry("legacy", "legacy", "T");
        var legacy = new SeenItem(StableId.From("legacy"), string.Empty, DateTimeOffset.MaxValue);

        var update = SeenItemLedger.Reconcile(Known([legacy]), [item], Now, Retention);

        Assert.Equal(ItemChange.Unchanged, Assert.Single(update.Items).Change);
        Assert.Equal(SeenItemLedger.ContentHashOf(item), Assert.Single(update.ToSave).ContentHash);
    }

    private static FeedEntry Entry(string id, string? link, string? title = null) => new() { Id = id, Link = link, Title = title };

    private static Dictionary<string, SeenItem> Known(IEnumerable<SeenItem>? items = null) =>
        (items ?? []).GroupBy(i => i.Key).ToDictionary(g => g.Key, g => g.Last());
}
