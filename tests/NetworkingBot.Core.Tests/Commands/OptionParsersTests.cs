using NetworkingBot.Core.Commands;

namespace NetworkingBot.Core.Tests.Commands;

public sealed class OptionParsersTests
{
    [Fact]
    public void Tags_are_normalised_deduplicated_and_ordered_as_given()
    {
        var (tags, error) = OptionParsers.Tags(" Archives, #Metadata ;digital preservation,,archives ");
        Assert.Null(error);
        Assert.Equal(["archives", "metadata", "digital-preservation"], tags!);
    }

    [Fact]
    public void Eleven_tags_are_too_many()
    {
        var raw = string.Join(',', Enumerable.Range(1, OptionParsers.MaxTags + 1).Select(i => $"tag{i}"));
        var (tags, error) = OptionParsers.Tags(raw);
        Assert.Null(tags);
        Assert.Equal("too_many_tags", error!.Code);
        Assert.Null(OptionParsers.Tags(string.Join(',', Enumerable.Range(1, OptionParsers.MaxTags).Select(i => $"tag{i}"))).Error);
    }

    [Theory]
    [InlineData("<@123>")]
    [InlineData("a_b")]
    [InlineData("-leading")]
    [InlineData("@everyone")]
    public void Tags_with_odd_characters_are_refused(string raw)
    {
        Assert.Equal("bad_tag", OptionParsers.Tags(raw).Error!.Code);
    }

    [Fact]
    public void Tag_length_limit()
    {
        Assert.Null(OptionParsers.Tags(new string('a', OptionParsers.MaxTagLength)).Error);
        Assert.Equal("bad_tag", OptionParsers.Tags(new string('a', OptionParsers.MaxTagLength + 1)).Error!.Code);
    }

    [Theory]
    [InlineData("America/Chicago")]
    [InlineData(" Europe/Oslo ")]
    [InlineData("Asia/Kolkata")]
    [InlineData("UTC")]
    public void Iana_zones_are_accepted(string raw)
    {
        var (zone, error) = OptionParsers.TimeZone(raw);
        Assert.Null(error);
        Assert.Equal(raw.Trim(), zone);
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("EST5EDT")]
    [InlineData("CST")]
    [InlineData("Central Standard Time")]
    [InlineData("")]
    [InlineData("../../etc/passwd")]
    public void Non_iana_zones_are_refused(string raw)
    {
        var (zone, error) = OptionParsers.TimeZone(raw);
        Assert.Null(zone);
        Assert.Equal("bad_timezone", error!.Code);
        Assert.Contains("America/Chicago", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Region_of_5000_characters_is_refused_and_not_echoed_in_full()
    {
        var (region, error) = OptionParsers.Region(new string('x', 5000));
        Assert.Null(region);
        Assert.Equal("region_too_long", error!.Code);
        Assert.True(error.Message.Length < 300);
    }

    [Fact]
    public void Region_is_trimmed_sanitised_and_empty_means_none()
    {
        Assert.Equal("Kansas City", OptionParsers.Region("  Kansas City ").Region);
        Assert.Null(OptionParsers.Region("   ").Region);
        Assert.DoesNotContain("@everyone", OptionParsers.Region("hi @everyone").Region, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-12-24", true)]
    [InlineData("2026-02-30", false)]
    [InlineData("24/12/2026", false)]
    [InlineData("tomorrow", false)]
    public void Dates_are_iso(string raw, bool ok)
    {
        var (date, error) = OptionParsers.Date("until", raw);
        Assert.Equal(ok, date is not null);
        Assert.Equal(ok, error is null);
        if (!ok)
        {
            Assert.Equal("bad_date", error!.Code);
        }
    }

    [Theory]
    [InlineData("09:00", 9, 0)]
    [InlineData("9:30", 9, 30)]
    [InlineData("23:59", 23, 59)]
    public void Times_are_24_hour(string raw, int hour, int minute)
    {
        Assert.Equal(new TimeOnly(hour, minute), OptionParsers.Time("time", raw).Time);
    }

    [Theory]
    [InlineData("24:00")]
    [InlineData("9am")]
    [InlineData("09:60")]
    [InlineData("")]
    public void Bad_times_are_refused(string raw)
    {
        Assert.Equal("bad_time", OptionParsers.Time("time", raw).Error!.Code);
    }

    [Theory]
    [InlineData("monday", DayOfWeek.Monday)]
    [InlineData("Wed", DayOfWeek.Wednesday)]
    [InlineData(" SUNDAY ", DayOfWeek.Sunday)]
    public void Weekdays(string raw, DayOfWeek expected)
    {
        Assert.Equal(expected, OptionParsers.Day(raw).Day);
    }

    [Theory]
    [InlineData("mo")]
    [InlineData("funday")]
    public void Bad_weekdays_are_refused(string raw)
    {
        Assert.Equal("bad_day", OptionParsers.Day(raw).Error!.Code);
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("1", true)]
    [InlineData("52", true)]
    [InlineData("53", false)]
    [InlineData("-1", false)]
    [InlineData("2.5", false)]
    [InlineData("two", false)]
    public void Numbers_respect_bounds(string raw, bool ok)
    {
        Assert.Equal(ok, OptionParsers.Number("weeks", raw, 1, 52).Error is null);
    }
}
