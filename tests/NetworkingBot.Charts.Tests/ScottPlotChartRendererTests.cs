using System.Buffers.Binary;
using NetworkingBot.Core.Charts;
using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Interviews;
using NetworkingBot.Core.JobLeads;
using NetworkingBot.Testing.Fakes;
using SkiaSharp;

namespace NetworkingBot.Charts.Tests;

/// <summary>
/// Renders each stats chart for real: SkiaSharp's native library loads on this machine (the test fails with
/// DllNotFoundException where it cannot), the PNG is valid and of the promised size, and the embedded font draws text.
/// Set NETWORKINGBOT_CHART_DIR to keep the images for a look.
/// </summary>
public sealed class ScottPlotChartRendererTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Chicago = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");

    public static TheoryData<string> Charts => new() { "coffee", "network", "job", "interview" };

    [Theory]
    [MemberData(nameof(Charts))]
    public async Task Each_chart_is_a_valid_png_of_the_expected_size_with_its_text_drawn(string name)
    {
        var chart = name == "network" ? await NetworkSampleAsync() : Sample(name);

        var file = new ScottPlotChartRenderer().Render(chart);
        Keep(file.Name, file.Content);

        Assert.Equal("image/png", file.ContentType);
        Assert.Equal(chart.AltText, file.AltText);
        var png = file.Content.Span;
        Assert.True(png[..8].SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "PNG signature");
        Assert.Equal(ScottPlotChartRenderer.Width, BinaryPrimitives.ReadInt32BigEndian(png[16..20]));
        Assert.Equal(ScottPlotChartRenderer.HeightFor(chart.Panels.Count), BinaryPrimitives.ReadInt32BigEndian(png[20..24]));

        using var bitmap = SKBitmap.Decode(file.Content.ToArray());
        Assert.NotNull(bitmap);

        // The title band holds nothing but the title: dark pixels there mean the embedded font drew it.
        var dark = 0;
        for (var x = 0; x < bitmap.Width; x++)
        {
            for (var y = 0; y < ScottPlotChartRenderer.TitleHeight; y++)
            {
                dark += bitmap.GetPixel(x, y).Red < 100 ? 1 : 0;
            }
        }

        Assert.True(dark > 500, $"only {dark} dark pixels in the title band: the title text was not drawn");
    }

    private static Chart Sample(string name) => name switch
    {
        "coffee" => CoffeeChart.Build(
            [.. Enumerable.Range(1, 14).Select(n => new RoundFigures(n, Now.AddDays(7 * (n - 14)), 10 + (n % 4), n % 3, 5 + (n % 2), 2 + (n % 3), 1, n % 2, 1, 6, n % 3 == 0 ? 1 : 0))],
            12, Chicago, "Coffee chat stats: …"),
        "job" => JobChart.Build(
            [.. Enumerable.Range(1, 30).Select(Lead)],
            [.. Enumerable.Range(1, 9).Select(i => new JobSubscription("console:t", $"u{i}", [], [], [], JobLeadDelivery.Daily, "UTC", Now.AddDays(-9 * i), Now))],
            ChartPeriods.Weeks(Now, Chicago, 12), Chicago, "Job lead stats: …"),
        _ => InterviewChart.Build(
            [.. Enumerable.Range(1, 40).Select(Request)],
            [new InterviewOffer("console:t", "v1", "Vi", ["archives"], "archivist", null, 3, null, null, null, OfferStatus.Active, Now),
             new InterviewOffer("console:t", "v2", "Vo", ["law"], "law librarian", null, 2, null, null, null, OfferStatus.Active, Now)],
            ChartPeriods.Months(Now, TimeZoneInfo.Utc, 12), "Interview stats: …"),
    };

    private static async Task<Chart> NetworkSampleAsync()
    {
        var store = new InMemoryNetworkStore();
        var members = Enumerable.Range(0, 6).Select(i => new Member("console:t", $"m{i}", $"M{i}",
            new MemberProfile([], "UTC", CareerStage.Unspecified, LookingFor.Any, MeetingFormat.Virtual, null, NetworkingBot.Core.Scheduling.Cadence.Weekly),
            MemberStatus.Active, Now.AddYears(-1), null, false, 0, null)).ToList();
        for (var i = 0; i < 40; i++)
        {
            await store.RecordMeetingAsync(new NetworkingBot.Core.Network.NetworkContact("console:t", $"m{i % 6}", $"x{i}", "coffee chat", Now.AddDays(-8 * i), Now.AddDays(-8 * i)));
        }

        return await NetworkChart.BuildAsync(store, "console:t", members, ChartPeriods.Months(Now, Chicago, 12), Chicago, "Coffee chat stats: …", CancellationToken.None);
    }

    private static JobLead Lead(int i) => new(
        "console:t", i, "Cataloguer", "Library", null, false, null, null, null, (JobType)(i % 4), [], null, null, false, i % 3 == 0,
        "u1", "Ann", Now.AddDays(-2.7 * i), Now.AddDays(30), JobLeadStatus.Open, null, null);

    private static InterviewRequest Request(int i) => new(
        $"r{i}", "console:t", $"m{i}", "Mo", ["archives"], "learn", null, i % 3 == 0 ? RequestStatus.Met : RequestStatus.Expired, "v1", ["v1"], 1, null,
        Now.AddDays(-8.5 * i), null, i % 2 == 0 ? Now.AddDays((-8.5 * i) + 2) : null, null, 1);

    private static void Keep(string name, ReadOnlyMemory<byte> png)
    {
        if (Environment.GetEnvironmentVariable("NETWORKINGBOT_CHART_DIR") is { Length: > 0 } dir)
        {
            Directory.CreateDirectory(dir);
            File.WriteAllBytes(Path.Combine(dir, name), png.ToArray());
        }
    }
}
