namespace NetworkingBot.Discord.Rest;

/// <summary>
/// Discord refused a request: the HTTP status, Discord's JSON error code (0 when the body had none, e.g. an
/// HTML page from Cloudflare), its message and the field errors flattened from the nested <c>errors</c> tree
/// ("content" → "Must be 2000 or fewer in length.").
/// </summary>
public sealed class DiscordApiException : Exception
{
    public DiscordApiException(int httpStatus, int code, string discordMessage, IReadOnlyDictionary<string, string>? fieldErrors = null)
        : base(Describe(httpStatus, code, discordMessage, fieldErrors))
    {
        HttpStatus = httpStatus;
        Code = code;
        DiscordMessage = discordMessage;
        FieldErrors = fieldErrors ?? new Dictionary<string, string>();
    }

    public DiscordApiException()
        : this(0, 0, "Unknown Discord error")
    {
    }

    public DiscordApiException(string message)
        : this(0, 0, message)
    {
    }

    public DiscordApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        DiscordMessage = message;
        FieldErrors = new Dictionary<string, string>();
    }

    /// <summary>The HTTP status code of the response (401, 403, 404, 400 ...).</summary>
    public int HttpStatus { get; }

    /// <summary>Discord's JSON error code (50007, 50035, 10062 ...); 0 when the body carried none.</summary>
    public int Code { get; }

    /// <summary>Discord's human-readable <c>message</c>.</summary>
    public string DiscordMessage { get; }

    /// <summary>
    /// Field path → messages joined by "; ". The path is the dotted position in the request body
    /// ("embeds.0.title"); errors about the whole body sit under the empty path "".
    /// </summary>
    public IReadOnlyDictionary<string, string> FieldErrors { get; }

    private static string Describe(int status, int code, string message, IReadOnlyDictionary<string, string>? fields)
    {
        var text = $"Discord answered {status} (code {code}): {message}";
        if (fields is { Count: > 0 })
        {
            text += " [" + string.Join(", ", fields.Select(f => $"{(f.Key.Length == 0 ? "(body)" : f.Key)}: {f.Value}")) + "]";
        }

        return text;
    }
}
