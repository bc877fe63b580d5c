using NetworkingBot.Core.CoffeeChats;
using NetworkingBot.Core.Commands;
using NetworkingBot.Core.Commands.Forms;

namespace NetworkingBot.Core.JobLeads;

/// <summary>
/// The form <c>/job share</c> opens without a title or employer. The long fields come first, so a platform with small
/// forms (Discord) shows title, employer, location, type (unless the command chose it), note and link, and takes the
/// short ones from the command's own options.
/// </summary>
internal static class ShareForm
{
    private static readonly string[] YesNo = ["no", "yes"];

    public static FormSpec Spec { get; } = new("Share a job lead", "Share",
    [
        new("title", "Job title", Required: true, MaxLength: JobLeadValidator.MaxTitle, Placeholder: "Metadata Librarian"),
        new("employer", "Employer or institution", Required: true, MaxLength: JobLeadValidator.MaxEmployer, Placeholder: "Lawrence Public Library"),
        new("location", "Location (leave empty if remote)", MaxLength: JobLeadValidator.MaxLocation, Placeholder: "Lawrence, KS"),
        new("type", "Type", FieldKind.Choice, Required: true, Choices: JobTypes.Names),
        new("note", "Note", FieldKind.LongText, MaxLength: JobLeadValidator.MaxNote, Placeholder: "What you know that the posting doesn't say"),
        new("link", "Link to the posting", MaxLength: JobLeadValidator.MaxLink, Placeholder: "https://example.org/jobs/42"),
        new("remote", "Remote possible?", FieldKind.Choice, Choices: YesNo),
        new("deadline", "Deadline", FieldKind.Date),
        new("tags", "Tags", MaxLength: OptionParsers.MaxTagList, Placeholder: "cataloging, metadata"),
        new("salary", "Salary", MaxLength: JobLeadValidator.MaxSalary, Placeholder: "$55k-62k"),
        new("anonymous", "Share anonymously?", FieldKind.Choice, Choices: YesNo),
        new("unposted", "Heads-up: not yet publicly posted?", FieldKind.Choice, Choices: YesNo),
    ],
    "I couldn't open the form just now. You can type the lead instead: `/job help share` shows how.")
    {
        OpensWithout = ["title", "employer"],
    };
}
