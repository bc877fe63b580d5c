namespace NetworkingBot.Slack.Api;

/// <summary>The adapter's one HttpClient, owned by the container so it is disposed with it.</summary>
internal sealed class SlackHttp : IDisposable
{
    // Recycling pooled connections picks up DNS changes on a long-running worker.
    public HttpClient Client { get; } = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    public void Dispose() => Client.Dispose();
}
