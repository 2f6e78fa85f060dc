using Hearth.Core.CheckIns;
using Hearth.Core.Rituals;
using Hearth.Web.Data.Encryption;
using Hearth.Web.Features.Rituals;
using NodaTime;

namespace Hearth.Web.Features.CheckIns;

/// <summary>
/// How a check-in is kept: a <see cref="WeeklyCheckIn"/> row whose answers are the
/// <see cref="CheckInDocument"/>, encrypted under the member's key and bound to that row. The
/// check-in service, the export and import, and the bench seeder write and read rows only through here.
/// </summary>
internal static class CheckInStorage
{
    private const string Table = "WeeklyCheckIns";
    private const string Column = "Answers";

    /// <summary>The cipher context of a check-in's answers: bound to its row and to the member who gave them.</summary>
    public static CipherContext Context(WeeklyCheckIn row) => new(Table, Column, row.Id, row.UserId);

    /// <summary>A new row for a member's check-in of <paramref name="record"/>'s week, with its answers encrypted.</summary>
    public static async Task<WeeklyCheckIn> NewRowAsync(this FieldCipher cipher, Guid spaceId, Guid userId, CheckInRecord record, DateTimeOffset submittedAt, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        ArgumentNullException.ThrowIfNull(record);
        var row = new WeeklyCheckIn
        {
            Id = Guid.CreateVersion7(),
            SpaceId = spaceId,
            UserId = userId,
            Week = PairCalendar.ToDateOnly(record.Week),
            ContentVersion = record.ContentVersion,
            SubmittedAt = submittedAt,
        };
        row.AnswersCiphertext = await cipher.EncryptAsync(CheckInDocument.Write(record), Context(row), ct);
        return row;
    }

    /// <summary>A row's answers; null when there is nothing to read (the answers of a shredded author).</summary>
    public static async Task<CheckInRecord?> ReadAsync(this FieldCipher cipher, WeeklyCheckIn row, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        ArgumentNullException.ThrowIfNull(row);
        return CheckInDocument.Read(await cipher.DecryptAsync(row.AnswersCiphertext, Context(row), ct), PairCalendar.ToLocalDate(row.Week), row.ContentVersion);
    }

    /// <summary>Of a member's rows near a week, the one that does it (<see cref="CheckInWeeks.DoneIn"/>), on stored columns.</summary>
    public static T? DoneIn<T>(IEnumerable<T> rows, PairWeek current, Func<T, DateOnly> week, Func<T, DateTimeOffset> sentAt)
        where T : class =>
        CheckInWeeks.DoneIn(rows, current, r => PairCalendar.ToLocalDate(week(r)), r => Instant.FromDateTimeOffset(sentAt(r)));

    /// <summary>
    /// The other member's check-ins that are revealed to a member: only those stored in a week the
    /// member has a check-in stored in too (<see cref="CheckInWeeks.SameWeek"/>), whatever the ritual
    /// is now. The check-in page, trends, insights and the export all go by this one rule.
    /// </summary>
    internal static List<WeeklyCheckIn> RevealedTo(IEnumerable<WeeklyCheckIn> mine, IEnumerable<WeeklyCheckIn> theirs)
    {
        var myWeeks = mine.Select(r => r.Week).ToList();
        return theirs.Where(r => myWeeks.Any(w => CheckInWeeks.SameWeek(PairCalendar.ToLocalDate(w), PairCalendar.ToLocalDate(r.Week))))
            .OrderBy(r => r.Week).ThenBy(r => r.SubmittedAt).ToList();
    }
}
