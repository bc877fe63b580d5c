namespace NetworkingBot.Slack.Api;

/// <summary>
/// A Web API answer of <c>{"ok":false,"error":…}</c>. <see cref="Needed"/> and <see cref="Provided"/> are set for
/// <c>missing_scope</c>, so the log can say which scope to add to the app.
/// </summary>
public sealed class SlackApiException : Exception
{
    public SlackApiException()
        : this("unknown", "unknown_error", null, null)
    {
    }

    public SlackApiException(string message)
        : base(message)
    {
        Method = "unknown";
        Error = "unknown_error";
    }

    public SlackApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = "unknown";
        Error = "unknown_error";
    }

    public SlackApiException(string method, string error, string? needed, string? provided)
        : base(Describe(method, error, needed, provided))
    {
        Method = method;
        Error = error;
        Needed = needed;
        Provided = provided;
    }

    /// <summary>The Web API method that failed, like <c>chat.postMessage</c>.</summary>
    public string Method { get; }

    /// <summary>Slack's error code, like <c>channel_not_found</c> or <c>missing_scope</c>.</summary>
    public string Error { get; }

    /// <summary>For <c>missing_scope</c>: the scope the method needs.</summary>
    public string? Needed { get; }

    /// <summary>For <c>missing_scope</c>: the scopes the token has.</summary>
    public string? Provided { get; }

    private static string Describe(string method, string error, string? needed, string? provided) => error == "missing_scope"
        ? $"Slack {method} failed: missing_scope (needed '{needed}', token has '{provided}'). Add the scope {needed} in the app config (OAuth & Permissions) and reinstall the app to the workspace."
        : $"Slack {method} failed: {error}.";
}
