using Hearth.Web.Data.Export;
using Hearth.Web.Hosting;

namespace Hearth.Web.Features.Notes;

/// <summary>Notes: appreciations and "thinking of you" from one member to the other.</summary>
public static class NotesFeature
{
    public static IServiceCollection AddNotes(this IServiceCollection services) =>
        services.AddScoped<NoteService>()
            .AddPersonalDataKind<NoteData>();

    public static void MapNotes(this HearthRoutes routes) => routes.Space.MapNoteApi();
}
