namespace NetworkingBot.Storage.Redis;

/// <summary>
/// A token per store call, kept with what the call wrote. Should the same call reach the server twice (a command
/// sent again after its reply was lost; StackExchange.Redis fails such a call instead today, but a retry policy
/// such as its <c>WithRetry</c> would send it again), the script finds its own token and answers as it did the
/// first time, while another call (another instance) with the same values still finds the record taken.
/// </summary>
internal static class CallToken
{
    public static string New() => Guid.NewGuid().ToString("N");
}
