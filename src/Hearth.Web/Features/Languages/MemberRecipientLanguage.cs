using System.Globalization;
using Hearth.Core.Languages;
using Hearth.Web.Data;
using Hearth.Web.Features.Email;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Features.Languages;

/// <summary>
/// The language of an e-mail to a member: during a request the request's (what the reader chose or
/// their browser asks for); outside any request (a background e-mail) the language stored on the
/// recipient's account, or English when they chose none or chose one Hearth no longer ships.
/// Replaces Email's placeholder, which answered English for every member.
/// </summary>
public sealed class MemberRecipientLanguage(IServiceScopeFactory scopes) : IRecipientLanguage
{
    public CultureInfo ForThisRequest() => CultureInfo.CurrentUICulture;

    public async Task<CultureInfo> ForMemberAsync(Guid userId, CancellationToken ct = default)
    {
        // A scope of its own: a background e-mail has no request, and this hook is a singleton.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HearthDbContext>();
        var stored = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Language).FirstOrDefaultAsync(ct);
        return CultureInfo.GetCultureInfo(LanguageService.Exact(stored) ?? HearthLanguages.English);
    }
}
