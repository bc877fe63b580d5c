namespace NetworkingBot.Slack.Tests;

/// <summary>
/// Hostile frames by class: every envelope field of the wrong type, arrays where objects belong, and each envelope
/// type (slash_commands, interactive block_actions and view_submission, events_api, hello, disconnect) with wrong
/// shapes. "{id}" is replaced by the test's envelope id.
/// </summary>
internal static class HostileFrames
{
    public static TheoryData<string, string> Envelopes { get; } = new()
    {
        // The envelope itself.
        { "type-number", """{"envelope_id":"{id}","type":5,"payload":{}}""" },
        { "type-array", """{"envelope_id":"{id}","type":["slash_commands"],"payload":{}}""" },
        { "type-missing", """{"envelope_id":"{id}","payload":{}}""" },
        { "type-unknown", """{"envelope_id":"{id}","type":"hello","payload":{}}""" },
        { "retry-fraction", """{"envelope_id":"{id}","type":"slash_commands","retry_attempt":1.5,"payload":{}}""" },
        { "retry-huge", """{"envelope_id":"{id}","type":"events_api","retry_attempt":1e300,"payload":{}}""" },
        { "retry-string", """{"envelope_id":"{id}","type":"events_api","retry_attempt":"1","payload":{}}""" },
        { "accepts-string", """{"envelope_id":"{id}","type":"slash_commands","accepts_response_payload":"yes","payload":{}}""" },
        { "payload-missing", """{"envelope_id":"{id}","type":"slash_commands"}""" },
        { "payload-null", """{"envelope_id":"{id}","type":"interactive","payload":null}""" },
        { "payload-array", """{"envelope_id":"{id}","type":"slash_commands","accepts_response_payload":true,"payload":[{"command":"/coffee"}]}""" },
        { "payload-string", """{"envelope_id":"{id}","type":"interactive","payload":"view_submission"}""" },

        // slash_commands with wrong shapes.
        { "slash-command-number", """{"envelope_id":"{id}","type":"slash_commands","accepts_response_payload":true,"payload":{"command":5,"text":"join tz:UTC","team_id":"T111","user_id":"U0HOS001","channel_id":"C111"}}""" },
        { "slash-no-user", """{"envelope_id":"{id}","type":"slash_commands","accepts_response_payload":true,"payload":{"command":"/coffee","text":"join tz:UTC","team_id":"T111","channel_id":"C111"}}""" },
        { "slash-user-object", """{"envelope_id":"{id}","type":"slash_commands","accepts_response_payload":true,"payload":{"command":"/coffee","text":"join tz:UTC","team_id":"T111","user_id":{"id":"U0HOS001"},"channel_id":"C111"}}""" },
        { "slash-blank-ids", """{"envelope_id":"{id}","type":"slash_commands","accepts_response_payload":true,"payload":{"command":"/coffee","text":"join tz:UTC","team_id":" ","user_id":"","channel_id":"C111"}}""" },
        { "slash-user-mention", """{"envelope_id":"{id}","type":"slash_commands","accepts_response_payload":true,"payload":{"command":"/coffee","text":"join tz:UTC","team_id":"T111","user_id":"<!channel>","channel_id":"C111"}}""" },
        { "slash-user-huge", "{\"envelope_id\":\"{id}\",\"type\":\"slash_commands\",\"accepts_response_payload\":true,\"payload\":{\"command\":\"/coffee\",\"text\":\"join tz:UTC\",\"team_id\":\"T111\",\"user_id\":\"U" + new string('9', 100_000) + "\",\"channel_id\":\"C111\"}}" },
        { "slash-team-spaces", """{"envelope_id":"{id}","type":"slash_commands","accepts_response_payload":true,"payload":{"command":"/coffee","text":"join tz:UTC","team_id":"T111 T222","user_id":"U0HOS001","channel_id":"C111"}}""" },
        { "slash-text-array", """{"envelope_id":"{id}","type":"slash_commands","accepts_response_payload":true,"payload":{"command":"/coffee","text":["join"],"team_id":"T111","user_id":"U0HOS001","channel_id":"C111","response_url":5,"trigger_id":[]}}""" },
        { "slash-join-trigger-object", """{"envelope_id":"{id}","type":"slash_commands","accepts_response_payload":true,"payload":{"command":"/coffee","text":"join","team_id":"T111","user_id":"U0HOS001","channel_id":"C111","trigger_id":{}}}""" },

        // interactive block_actions with wrong shapes.
        { "click-actions-object", """{"envelope_id":"{id}","type":"interactive","payload":{"type":"block_actions","team":{"id":"T111"},"user":{"id":"U0HOS001","name":"hostile"},"actions":{"type":"button","value":"/coffee join tz:UTC"}}}""" },
        { "click-actions-junk", """{"envelope_id":"{id}","type":"interactive","payload":{"type":"block_actions","team":{"id":"T111"},"user":{"id":"U0HOS001","name":"hostile"},"actions":[5,"x",null,[],{"type":"button","value":7}]}}""" },
        { "click-user-string", """{"envelope_id":"{id}","type":"interactive","payload":{"type":"block_actions","team":{"id":"T111"},"user":"U0HOS001","actions":[{"type":"button","value":"/coffee join tz:UTC"}]}}""" },
        { "click-team-array", """{"envelope_id":"{id}","type":"interactive","payload":{"type":"block_actions","team":[],"user":{"id":"U0HOS001","name":"hostile"},"actions":[{"type":"button","value":"/coffee join tz:UTC"}]}}""" },
        { "click-type-number", """{"envelope_id":"{id}","type":"interactive","payload":{"type":7,"team":{"id":"T111"},"user":{"id":"U0HOS001","name":"hostile"}}}""" },

        // interactive view_submission with wrong shapes.
        { "form-view-string", """{"envelope_id":"{id}","type":"interactive","accepts_response_payload":true,"payload":{"type":"view_submission","team":{"id":"T111"},"user":{"id":"U0HOS001","name":"hostile"},"view":"coffee_join"}}""" },
        { "form-callback-number", """{"envelope_id":"{id}","type":"interactive","accepts_response_payload":true,"payload":{"type":"view_submission","team":{"id":"T111"},"user":{"id":"U0HOS001","name":"hostile"},"view":{"callback_id":5}}}""" },
        { "form-state-string", """{"envelope_id":"{id}","type":"interactive","accepts_response_payload":true,"payload":{"type":"view_submission","team":{"id":"T111"},"user":{"id":"U0HOS001","name":"hostile"},"view":{"callback_id":"coffee_join","state":"full"}}}""" },
        { "form-values-array", """{"envelope_id":"{id}","type":"interactive","accepts_response_payload":true,"payload":{"type":"view_submission","team":{"id":"T111"},"user":{"id":"U0HOS001","name":"hostile"},"view":{"callback_id":"coffee_join","state":{"values":[]}}}}""" },
        { "form-join-empty", """{"envelope_id":"{id}","type":"interactive","accepts_response_payload":true,"payload":{"type":"view_submission","team":{"id":"T111"},"user":{"id":"U0HOS001","name":"hostile"},"view":{"callback_id":"coffee_join","state":{"values":{}}}}}""" },
        { "form-value-types", """{"envelope_id":"{id}","type":"interactive","accepts_response_payload":true,"payload":{"type":"view_submission","team":{"id":"T111"},"user":{"id":"U0HOS001","name":"hostile"},"view":{"callback_id":"coffee_join","state":{"values":{"interests":{"value":{"type":5,"value":7}},"tz":{"value":"UTC"},"stage":{"value":{"type":"static_select","selected_option":"student"}},"cadence":{"value":{"type":"static_select","selected_option":{"value":3}}}}}}}}""" },
        { "form-no-user", """{"envelope_id":"{id}","type":"interactive","accepts_response_payload":true,"payload":{"type":"view_submission","team":{"id":"T111"},"view":{"callback_id":"coffee_join","state":{"values":{"interests":{"value":{"type":"plain_text_input","value":"archives"}},"tz":{"value":{"type":"plain_text_input","value":"UTC"}}}}}}}""" },
        { "form-job-junk", """{"envelope_id":"{id}","type":"interactive","accepts_response_payload":true,"payload":{"type":"view_submission","team":{"id":"T111"},"user":{"id":"U0HOS001","name":"hostile"},"view":{"callback_id":"job_share","private_metadata":[],"state":{"values":{"title":[],"employer":{"value":null},"type":{"value":{"type":"static_select","selected_option":null}}}}}}}""" },
        { "form-interview-junk", """{"envelope_id":"{id}","type":"interactive","accepts_response_payload":true,"payload":{"type":"view_submission","team":{"id":"T111"},"user":{"id":"U0HOS001","name":"hostile"},"view":{"callback_id":"interview_request","state":{"values":{"specialties":{"value":{"value":{}}},"learn":5}}}}}""" },

        // events_api with wrong shapes.
        { "event-id-number", """{"envelope_id":"{id}","type":"events_api","payload":{"event_id":5,"event":[]}}""" },
        { "event-id-object", """{"envelope_id":"{id}","type":"events_api","payload":{"event_id":{"id":"Ev1"},"team_id":7}}""" },
        { "event-payload-array", """{"envelope_id":"{id}","type":"events_api","payload":[]}""" },

        // Control frame types carried in an envelope.
        { "disconnect-envelope", """{"envelope_id":"{id}","type":"disconnect","reason":["refresh_requested"],"payload":5}""" },
    };

    /// <summary>Frames no envelope id can be read from: not JSON, not an object, or control frames of the wrong shape.</summary>
    public static IReadOnlyList<string> Unreadable { get; } =
    [
        "{{{ not json",
        "",
        new string('[', 5000) + new string(']', 5000),
        "[1,2,3]",
        "\"a string\"",
        "42",
        "null",
        "{}",
        """{"envelope_id":5,"type":"slash_commands","payload":{"command":"/coffee","text":"join tz:UTC","team_id":"T111","user_id":"U0HOS001","channel_id":"C111"}}""",
        """{"envelope_id":null,"type":"interactive"}""",
        """{"type":5}""",
        """{"type":"hello","num_connections":"many","debug_info":[]}""",
        """{"type":["disconnect"],"reason":"warning"}""",
    ];
}
