using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Forms;

namespace NetworkingBot.Core.Interviews;

/// <summary>
/// The form <c>/interview request</c> opens without <c>learn</c>: what the member wants to learn is up to 500
/// characters, which a paragraph input suits better than a one-line option.
/// </summary>
internal static class RequestForm
{
    public static FormSpec Spec { get; } = new("Informational interview", "Ask",
    [
        new("specialties", "Specialties (comma-separated)", Required: true, MaxLength: OptionParsers.MaxTagList, Placeholder: "archives, law")
        {
            ErrorCodes = ["no_specialties", "bad_tag", "too_many_tags", "self_request"],
        },
        new("learn", "What would you like to learn?", FieldKind.LongText, Required: true, MaxLength: InterviewInput.MaxLearn, Placeholder: "A few sentences for the volunteer")
        {
            ErrorCodes = ["learn_too_long"],
        },
    ],
    "I couldn't open the form just now. You can type it instead, for example `/interview request specialties:archives learn:\"How did you start?\"`.")
    {
        OpensWithout = ["learn"],
    };
}
