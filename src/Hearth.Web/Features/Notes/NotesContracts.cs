using Hearth.Core.Appreciation;
using Hearth.Core.Assessments;
using Hearth.Web.Api;

namespace Hearth.Web.Features.Notes;

public sealed record SendNoteInput([property: WireValues<NoteKind>] string? Kind, string? Text, string? CareWay);

/// <summary>Read is for the receiver only; the sender gets null (no read receipts: a note is a gift, not a check).</summary>
public sealed record NoteView(Guid Id, [property: WireValues<NoteKind>] string Kind, string? CareWay, string Text, DateTimeOffset SentAt, bool FromYou, bool? Read);

/// <param name="MeansALotToThem">The other member said this way means a lot to them (shared by their choice, after you both finished the same assessment round).</param>
public sealed record CareWayView(string Id, string Name, IReadOnlyList<string> Suggestions, bool MeansALotToThem = false);

public sealed record NotesView(bool CanSend, string OtherPersonWord, string? OtherName, int Unread, IReadOnlyList<NoteView> Received, IReadOnlyList<NoteView> Sent, IReadOnlyList<CareWayView> CareWays);
