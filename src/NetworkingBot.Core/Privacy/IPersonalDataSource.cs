namespace NetworkingBot.Core.Privacy;

/// <summary>
/// A program's share of "what do you store about me" and "forget me". Each program registers one, so a
/// new program cannot be added without answering both questions.
/// </summary>
public interface IPersonalDataSource
{
    /// <summary>The section name in the export ("coffeeChats").</summary>
    string Name { get; }

    /// <summary>Everything stored about the user, as plain serialisable data, or null when there is nothing.</summary>
    Task<object?> ExportAsync(string communityId, string userId, CancellationToken cancellationToken);

    /// <summary>Deletes everything stored about the user; returns how many records were removed or changed.</summary>
    Task<int> ForgetAsync(string communityId, string userId, CancellationToken cancellationToken);
}
