namespace NetworkingBot.Discord.Delivery;

/// <summary>
/// A file sent with a message: the request becomes multipart/form-data, the JSON body its <c>payload_json</c> part
/// and this file the part <c>files[n]</c>, which the body's <c>attachments</c> array names by id n.
/// </summary>
public sealed record DiscordFileUpload(string FileName, string ContentType, ReadOnlyMemory<byte> Content);
