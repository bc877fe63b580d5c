using NetworkingBot.Core.Abstractions;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Network;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Network;

/// <summary>/intro: who may be introduced, how the message goes out, both logs, and the answers.</summary>
public sealed class IntroTests
{
    private const string Intro = "/intro first:@ana second:@lee because:\"you both run oral-history projects\"";

    [Fact]
    public async Task An_intro_DMs_each_where_groups_are_missing_and_records_it_in_both_logs()
    {
        await using var h = new CoreHarness();
        await h.MembersAsync("sam", "ana");
        TestData.Ok(await h.RunAsync("lee", "/coffee join tz:UTC interests:archives,oral-history"));

        TestData.Ok(await h.RunAsync("sam", Intro));

        var toAna = Assert.Single(h.Messenger.DirectTo("ana"));
        var toLee = Assert.Single(h.Messenger.DirectTo("lee"));
        Assert.True(toAna.Text.Contains("sam would like to introduce you to lee", StringComparison.Ordinal), toAna.Text);
        Assert.Contains("you both run oral-history projects", toLee.Text, StringComparison.Ordinal);
        Assert.Contains("• lee: interested in archives, oral-history", toAna.Text, StringComparison.Ordinal);
        Assert.Equal(["Thanks, I'll reach out", "Not now"], toAna.Buttons.Select(b => b.Label));
        Assert.Equal("introduced by @sam", (await h.Network().GetContactAsync(CoreHarness.Community, "ana", "lee"))!.How);
        Assert.Equal("introduced by @sam", (await h.Network().GetContactAsync(CoreHarness.Community, "lee", "ana"))!.How);
        Assert.Empty(h.Messenger.GroupMessages);
    }

    [Fact]
    public async Task An_intro_is_one_group_message_where_the_platform_has_them()
    {
        await using var h = new CoreHarness();
        h.Messenger.GroupsSupported = true;
        await h.MembersAsync("sam", "ana", "lee");

        TestData.Ok(await h.RunAsync("sam", Intro));

        var group = Assert.Single(h.Messenger.GroupMessages);
        Assert.Equal(["sam", "ana", "lee"], group.GroupUserIds!);
        Assert.Empty(h.Messenger.DirectMessages);
    }

    [Fact]
    public async Task Accepting_tells_the_introducer_privately_and_not_now_tells_nobody()
    {
        await using var h = new CoreHarness();
        await h.MembersAsync("sam", "ana", "lee");
        TestData.Ok(await h.RunAsync("sam", Intro));
        var toAna = Assert.Single(h.Messenger.DirectTo("ana"));
        var toLee = Assert.Single(h.Messenger.DirectTo("lee"));

        TestData.Ok(await h.RunAsync("lee", toLee.Buttons.Single(b => b.Label == "Not now").Command));
        Assert.Empty(h.Messenger.DirectTo("sam"));
        Assert.Single(h.Messenger.DirectTo("ana"));

        TestData.Ok(await h.RunAsync("ana", toAna.Buttons.Single(b => b.Label == "Thanks, I'll reach out").Command));
        Assert.Contains("ana will reach out to lee", Assert.Single(h.Messenger.DirectTo("sam")).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/intro first:@sam second:@lee because:x", "member_is_self")]
    [InlineData("/intro first:@ana second:@ana because:x", "intro_same_member")]
    [InlineData("/intro first:@ana second:@ghost because:x", "not_a_member")]
    [InlineData("/intro first:@ana second:@lee", "missing_option")]
    [InlineData("/intro first:@ana second:@lee because:\"  \"", "missing_option")]
    [InlineData("/intro first:@ana second:@kim because:x", "intros_off")]
    public async Task Bad_introductions_are_refused_and_send_and_record_nothing(string line, string code)
    {
        await using var h = new CoreHarness();
        await h.MembersAsync("sam", "ana", "lee", "kim");
        TestData.Ok(await h.RunAsync("kim", "/network intros to:off"));
        h.Messenger.Clear();

        TestData.Failed(await h.RunAsync("sam", line), code);

        Assert.Empty(h.Messenger.Sent);
        Assert.Equal(0, (await h.Network().ListContactsAsync(CoreHarness.Community, "ana", null, 0, 10)).Total);
        Assert.Empty(await h.Network().ListIntrosSinceAsync(CoreHarness.Community, "sam", DateTimeOffset.MinValue));
    }

    [Fact]
    public async Task Help_and_usage_show_intro_as_it_is_typed_without_a_subcommand_word()
    {
        await using var h = new CoreHarness();
        await h.MembersAsync("sam", "ana");

        var help = TestData.Ok(await h.RunAsync("sam", "/intro help")).Body;
        var usage = TestData.Failed(await h.RunAsync("sam", "/intro first:@ana"), "missing_option").Message;

        Assert.Contains("• `/intro` — introduce two members to each other", help, StringComparison.Ordinal);
        Assert.DoesNotContain("/intro make", help, StringComparison.Ordinal);
        Assert.Contains("Usage: `/intro first:<user> second:<user> because:<text>`", usage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reason_too_long_is_refused()
    {
        await using var h = new CoreHarness();
        await h.MembersAsync("sam", "ana", "lee");

        TestData.Failed(await h.RunAsync("sam", $"/intro first:@ana second:@lee because:{new string('x', NetworkLimits.ReasonLength + 1)}"), "because_too_long");
        Assert.Empty(h.Messenger.DirectMessages);
    }

    [Fact]
    public async Task A_bot_named_by_the_adapter_is_refused()
    {
        await using var h = new CoreHarness();
        await h.MembersAsync("sam", "ana", "lee");
        var request = new CommandRequest("intro", IntroCommand.Make, new Dictionary<string, string> { ["first"] = "ana", ["second"] = "lee", ["because"] = "x" })
        {
            Users = new Dictionary<string, MentionedUser> { ["second"] = new("lee", "Lee", IsBot: true) },
        };

        TestData.Failed(await h.Dispatcher.DispatchAsync(CoreHarness.Context("sam"), request), "member_is_bot");
    }

    [Fact]
    public async Task The_same_pair_waits_ninety_days_and_an_introducer_makes_five_a_day()
    {
        await using var h = new CoreHarness();
        string[] people = ["sam", "a", "b", "c", "d", "e", "f", "g"];
        await h.MembersAsync(people);

        TestData.Ok(await h.RunAsync("sam", "/intro first:@a second:@b because:x"));
        TestData.Failed(await h.RunAsync("sam", "/intro first:@b second:@a because:x"), "intro_repeated");
        foreach (var pair in new[] { "c second:@d", "e second:@f", "a second:@c", "b second:@d" })
        {
            TestData.Ok(await h.RunAsync("sam", $"/intro first:@{pair} because:x"));
        }

        TestData.Failed(await h.RunAsync("sam", "/intro first:@f second:@g because:x"), "intro_daily_limit");
        h.Clock.Advance(TimeSpan.FromDays(1));
        TestData.Ok(await h.RunAsync("sam", "/intro first:@f second:@g because:x"));
        h.Clock.Advance(TimeSpan.FromDays(89));
        TestData.Ok(await h.RunAsync("sam", "/intro first:@a second:@b because:x"));
    }
}
