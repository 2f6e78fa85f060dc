using System.Globalization;
using System.Resources;
using Hearth.Core.Languages;
using Hearth.Web.Data;
using Hearth.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.Languages;

/// <summary>
/// A member's own language: read and change it (the API and the settings page), and the languages
/// Hearth speaks, each named in itself. Only the member's own row is ever read or written: the other
/// person in a space never sees or changes it.
/// </summary>
public sealed class LanguageService(HearthDbContext db, CurrentMember current, IStringLocalizer<LanguagesText> text)
{
    private static readonly ResourceManager Names = new(typeof(LanguagesText).FullName!, typeof(LanguagesText).Assembly);

    /// <summary>Every shipped language with its name in itself ("English", "Deutsch"), English first.</summary>
    public static IReadOnlyList<LanguageChoiceView> Choices { get; } =
        HearthLanguages.Shipped.Select(code => new LanguageChoiceView(code, OwnName(code))).ToList();

    /// <summary>The language the member chose, or null (the browser's language decides).</summary>
    public async Task<string?> ChosenAsync(CancellationToken ct = default)
    {
        var me = current.RequireUserId();
        return await db.Users.Where(u => u.Id == me).Select(u => u.Language).FirstOrDefaultAsync(ct);
    }

    public async Task<LanguageView> GetAsync(CancellationToken ct = default) =>
        new(Exact(await ChosenAsync(ct)), Showing, Choices);

    public async Task<Outcome<LanguageView>> SetAsync(LanguageInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var me = current.RequireUserId();
        string? language = null;
        if (!string.IsNullOrEmpty(input.Language))
        {
            language = Exact(input.Language);
            if (language is null)
            {
                return Unknown<LanguageView>();
            }
        }

        await db.Users.Where(u => u.Id == me).ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, language), ct);

        // The answer is made in the request's language; the new choice applies from the next request.
        return Outcome<LanguageView>.Ok(new LanguageView(language, Showing, Choices));
    }

    /// <summary>The answer to a code Hearth does not speak: which codes it does, beside the field.</summary>
    public Outcome<T> Unknown<T>() =>
        Outcome<T>.Invalid("language", text["UnknownLanguage", string.Join(", ", HearthLanguages.Shipped)]);

    /// <summary>
    /// The shipped language with exactly this code (any case), or null: "de-AT", "deutsch" or "*" are
    /// not codes Hearth offers. Stored values pass through it too, so a withdrawn language is ignored.
    /// </summary>
    public static string? Exact(string? code) =>
        HearthLanguages.Shipped.FirstOrDefault(l => string.Equals(l, code, StringComparison.OrdinalIgnoreCase));

    private static string Showing => HearthLanguages.Match(CultureInfo.CurrentUICulture.Name, pseudoAllowed: true) ?? HearthLanguages.English;

    private static string OwnName(string code) =>
        Names.GetString("OwnName", CultureInfo.GetCultureInfo(code)) ?? code;
}
