using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hearth.Web.Features;

public sealed class IndexModel(Security.CurrentMember member) : PageModel
{
    public IActionResult OnGet() => member.UserId is null ? Page() : RedirectToPage("/Spaces/Index");
}
