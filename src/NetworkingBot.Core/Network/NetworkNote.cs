namespace NetworkingBot.Core.Network;

/// <summary>A private, dated note a member keeps about one contact; only its author ever sees it.</summary>
/// <param name="CommunityId">The community.</param>
/// <param name="OwnerId">The note's author, whose log holds the contact.</param>
/// <param name="OtherId">The contact the note is about.</param>
/// <param name="At">When it was written.</param>
/// <param name="Text">The sanitised text, at most <see cref="NetworkLimits.NoteLength"/> characters.</param>
public sealed record NetworkNote(string CommunityId, string OwnerId, string OtherId, DateTimeOffset At, string Text);
