using System.Text;
using NetworkingBot.Core.Commands;
using NetworkingBot.Testing.Fakes;

namespace NetworkingBot.Core.Tests.Network;

/// <summary>/network export: a CSV file with a header and one row per contact, safe to open in a spreadsheet.</summary>
public sealed class ExportTests
{
    [Fact]
    public async Task Export_is_a_csv_file_with_a_header_and_one_row_per_contact_with_formulas_defused()
    {
        await using var h = new CoreHarness();
        await h.MembersAsync("ana", "sam", "lee");
        await h.MetAsync("ana", "sam");
        TestData.Ok(await h.RunAsync("ana", "/network add member:@lee how:\"=HYPERLINK(x), \"\"quoted\"\"\""));
        TestData.Ok(await h.RunAsync("ana", "/network note member:@sam text:\"+1 555, call back\""));

        var reply = TestData.Ok(await h.RunAsync("ana", "/network export"));

        var file = Assert.Single(reply.Files);
        Assert.Equal("text/csv", file.ContentType);
        Assert.EndsWith(".csv", file.Name, StringComparison.Ordinal);
        var text = new UTF8Encoding(true).GetString(file.Content.Span);
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("member,how_we_met,first_met,last_spoke,planned,reminders,notes", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("sam,\"coffee chat, round 1\",2026-03-04,2026-03-04,no,on,\"2026-03-04: +1 555, call back\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("lee,\"added by hand: =HYPERLINK(x)", StringComparison.Ordinal));
        Assert.Equal(0xEF, file.Content.Span[0]);
    }

    [Fact]
    public async Task A_cell_that_begins_with_a_formula_character_is_prefixed()
    {
        var contact = new NetworkingBot.Core.Network.NetworkContact("c", "ana", "sam", "@cmd", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        var bytes = NetworkingBot.Core.Network.ContactCsv.Write([contact], [], _ => "=sam");

        var row = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n")[1];

        Assert.StartsWith("\"'=sam\",\"'@cmd\",", row, StringComparison.Ordinal);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task An_empty_log_exports_only_the_header()
    {
        await using var h = new CoreHarness();
        await h.MembersAsync("ana");

        var reply = TestData.Ok(await h.RunAsync("ana", "/network export"));

        Assert.Equal("member,how_we_met,first_met,last_spoke,planned,reminders,notes", Encoding.UTF8.GetString(Assert.Single(reply.Files).Content.Span).TrimStart('\uFEFF').TrimEnd());
        Assert.IsType<Reply>(reply);
    }
}
