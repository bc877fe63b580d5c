namespace NetworkingBot.Storage.Redis;

/// <summary>
/// A token per store call, kept with what the call wrote. The client sends a command again when its connection
/// dropped before the reply; the script then finds its own token and answers as it did the first time, while
/// another call (another instance) with the same values still finds the record taken.
/// </summary>
internal static class CallToken
{
    public static string New() => Guid.NewGuid().ToString("N");
}
