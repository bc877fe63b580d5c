using System.Security.Cryptography;
using System.Text;

namespace NetworkingBot.Storage.Redis.Client;

/// <summary>A Lua script and its SHA1, so it is sent by hash (EVALSHA) and in full only when the server lacks it.</summary>
public sealed class LuaScript(string text)
{
    public string Text { get; } = text;

    // SHA1 is what Redis names scripts by; it identifies, it does not protect anything.
#pragma warning disable CA5350
    public string Sha1 { get; } = Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5350
}
