using NetworkingBot.Discord.Rest;

namespace NetworkingBot.Discord.Tests.Rest;

public sealed class DiscordErrorBodyTests
{
    [Fact]
    public void Invalid_form_body_fixture_gives_code_message_and_body_level_error()
    {
        var text = Fixture.Load("error_50035_invalid_form_body.json").GetRawText();

        var error = DiscordErrorBody.ToException(400, text);

        Assert.Equal(400, error.HttpStatus);
        Assert.Equal(50035, error.Code);
        Assert.Equal("Invalid Form Body", error.DiscordMessage);
        Assert.Equal("Command exceeds maximum size (8000)", error.FieldErrors[""]);
        Assert.Contains("Command exceeds maximum size (8000)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nested_errors_flatten_to_dotted_paths()
    {
        const string text = """
            {"code":50035,"message":"Invalid Form Body","errors":{
              "content":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 2000 or fewer in length."}]},
              "embeds":{"0":{"title":{"_errors":[{"code":"A","message":"Too long."},{"code":"B","message":"Bad."}]}}}}}
            """;

        var error = DiscordErrorBody.ToException(400, text);

        Assert.Equal("Must be 2000 or fewer in length.", error.FieldErrors["content"]);
        Assert.Equal("Too long.; Bad.", error.FieldErrors["embeds.0.title"]);
        Assert.Equal(2, error.FieldErrors.Count);
    }

    [Fact]
    public void Html_body_becomes_code_zero_with_an_excerpt()
    {
        var error = DiscordErrorBody.ToException(403, "<!DOCTYPE html><html><title>Access denied | Cloudflare</title></html>");

        Assert.Equal(0, error.Code);
        Assert.StartsWith("<!DOCTYPE html>", error.DiscordMessage, StringComparison.Ordinal);
        Assert.Empty(error.FieldErrors);
    }
}
