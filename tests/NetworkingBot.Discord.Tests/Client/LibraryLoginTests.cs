using System.Net;
using Discord.Net;

namespace NetworkingBot.Discord.Tests.Client;

/// <summary>Logging in through Discord.Net against the fake: a rejected token is Discord's 401, at once.</summary>
public sealed class LibraryLoginTests
{
    [Fact]
    public async Task A_rejected_token_is_an_http_401_without_retrying()
    {
        await using var rig = await LibraryRig.StartAsync();
        rig.Fake.RejectToken = true;

        var error = await Assert.ThrowsAsync<HttpException>(() => rig.Connection.RestAsync(CancellationToken.None)).WaitAsync(TimeSpan.FromSeconds(15));

        Assert.Equal(HttpStatusCode.Unauthorized, error.HttpCode);
        Assert.Single(rig.Fake.Calls);
    }
}
