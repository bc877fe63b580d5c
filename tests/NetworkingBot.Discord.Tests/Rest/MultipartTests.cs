using System.Text.Json.Nodes;
using NetworkingBot.Discord.Rest;

namespace NetworkingBot.Discord.Tests.Rest;

/// <summary>A request with files goes as multipart/form-data: payload_json plus files[n], named by the attachments array.</summary>
public sealed class MultipartTests
{
    private static readonly DiscordRoute Callback = new(HttpMethod.Post, "interactions/{interaction_id}/{interaction_token}/callback", "1", "tok");

    [Fact]
    public async Task Files_go_as_parts_beside_the_json_payload()
    {
        await using var h = await RestHarness.StartAsync();
        var csv = "name\r\nsam\r\n"u8.ToArray();
        var body = new JsonObject
        {
            ["type"] = 4,
            ["data"] = new JsonObject { ["content"] = "your export", ["flags"] = 64, ["attachments"] = new JsonArray(new JsonObject { ["id"] = 0, ["filename"] = "log.csv" }) },
        };

        await h.Client.SendAsync(Callback, body, [new DiscordFileUpload("log.csv", "text/csv", csv)], CancellationToken.None);

        var call = Assert.Single(h.Fake.Calls);
        Assert.True(call.Succeeded, call.RawBody);
        Assert.Equal("your export", call.Body!.Value.GetProperty("data").GetProperty("content").GetString());
        var file = Assert.Single(call.Files);
        Assert.Equal("files[0]", file.PartName);
        Assert.Equal("log.csv", file.FileName);
        Assert.Equal("text/csv", file.ContentType);
        Assert.Equal(csv, file.Content);
    }

    [Fact]
    public async Task Files_the_attachments_do_not_name_are_refused_as_Discord_would()
    {
        await using var h = await RestHarness.StartAsync();
        var body = new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = "x" } };

        var refused = await Assert.ThrowsAsync<DiscordApiException>(() =>
            h.Client.SendAsync(Callback, body, [new DiscordFileUpload("log.csv", "text/csv", new byte[] { 1 })], CancellationToken.None));

        Assert.Equal(50035, refused.Code);
    }

    [Fact]
    public async Task Without_files_the_request_stays_json()
    {
        await using var h = await RestHarness.StartAsync();

        await h.Client.SendAsync(Callback, new JsonObject { ["type"] = 4, ["data"] = new JsonObject { ["content"] = "x" } }, [], CancellationToken.None);

        var call = Assert.Single(h.Fake.Calls);
        Assert.Empty(call.Files);
        Assert.Equal("x", call.Body!.Value.GetProperty("data").GetProperty("content").GetString());
    }
}
