namespace NetworkingBot.Storage.Redis.Client;

/// <summary>
/// A Lua script's text. StackExchange.Redis sends it by SHA1 (EVALSHA) once the server has it and in full when the
/// server answers NOSCRIPT (first use, after a restart or SCRIPT FLUSH), so the store only names the script.
/// </summary>
public sealed record LuaScript(string Text);
