using Hearth.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Features.Notifications;

/// <summary>
/// /unsubscribe/{token}, from a reminder e-mail, signed in or not: the GET asks, one POST turns that
/// kind's e-mail off. The POST is also what a mail client's one-click unsubscribe sends (RFC 8058,
/// "List-Unsubscribe=One-Click", without a form token), so it takes no antiforgery token: the signed
/// link is the proof, and all it can do is stop one kind of e-mail. A link this Hearth did not make is
/// the same 404 as any missing page.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(UnsubscribeTokens tokens, HearthDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public string? Kind { get; private set; }

    public bool Done { get; private set; }

    public IActionResult OnGet()
    {
        Kind = tokens.Read(Token)?.Kind;
        return Kind is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (tokens.Read(Token) is not { } who)
        {
            return NotFound();
        }

        Kind = who.Kind;
        if (await db.Users.AnyAsync(u => u.Id == who.UserId, ct))
        {
            var row = await db.Set<NotificationPreference>().FirstOrDefaultAsync(p => p.UserId == who.UserId && p.Kind == who.Kind && p.Channel == NotificationChannels.Email, ct);
            if (row is null)
            {
                row = new NotificationPreference { UserId = who.UserId, Kind = who.Kind, Channel = NotificationChannels.Email };
                db.Add(row);
            }

            row.Enabled = false;
            row.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }

        Done = true;
        return Page();
    }
}
