using System.Globalization;
using CsvHelper;

namespace NetworkingBot.Core.Network;

/// <summary>
/// A member's log as CSV: RFC 4180 (CsvHelper quotes what needs it, CRLF line ends), UTF-8 with a byte-order mark so
/// spreadsheet programs read it as UTF-8, one header row and one row per contact. Cells that begin with <c>=</c>,
/// <c>+</c>, <c>-</c> or <c>@</c> are prefixed with an apostrophe, so a spreadsheet never runs them as a formula.
/// </summary>
public static class ContactCsv
{
    /// <summary>The header row's columns, in order.</summary>
    public static readonly IReadOnlyList<string> Header = ["member", "how_we_met", "first_met", "last_spoke", "planned", "reminders", "notes"];

    /// <summary>The CSV bytes of <paramref name="contacts"/>, each with its owner's notes joined by " | ".</summary>
    public static byte[] Write(IReadOnlyList<NetworkContact> contacts, IReadOnlyList<NetworkNote> notes, Func<NetworkContact, string> nameOf)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentNullException.ThrowIfNull(nameOf);
        var notesOf = notes.ToLookup(n => n.OtherId, StringComparer.Ordinal);
        var options = new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true };
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, options, true))
        {
            csv.WriteHeader([.. Header]);
            foreach (var contact in contacts)
            {
                csv.WriteRecord(
                [
                    nameOf(contact), contact.How, Day(contact.FirstMet), Day(contact.LastSpoke), contact.Planned ? "yes" : "no",
                    contact.RemindersOn ? "on" : "off", string.Join(" | ", notesOf[contact.OtherId].Select(n => $"{Day(n.At)}: {n.Text}")),
                ]);
            }
        }

        return stream.ToArray();
    }

    private static string Day(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
