using System.Net;
using System.Net.Http.Json;
using Hearth.Core.FreeText;
using Hearth.Web.Features.Memories;
using Hearth.Web.Features.Notes;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hearth.Web.Tests.Text;

/// <summary>
/// What people type into a note or a memory is checked in one place, so a text that breaks a rule
/// gets exactly one message beside its field (the same in the API and on the page), never a second
/// one from a second check, and nothing is written.
/// </summary>
public abstract class OneCheckPerFieldTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : HearthFactory
{
    private const string HiddenControl = "This has a hidden control character in it. Please type it again without pasting.";

    /// <summary>One visible character carrying more marks than any field keeps.</summary>
    private static readonly string Piled = "a" + new string('\u0301', 200);

    /// <param name="Form">The page's form fields; null where a page cannot send this input (a one-line box).</param>
    private sealed record Case(string Name, string Path, object Json, string ApiField, Dictionary<string, string>? Form, string PageField, string? Handler, string Message);

    private static Dictionary<string, string> NoteForm(string text) => new() { ["Input.Kind"] = "appreciation", ["Input.Text"] = text };

    private static Dictionary<string, string> MemoryForm(string title, string text) => new() { ["Input.Title"] = title, ["Input.Text"] = text, ["Input.Kind"] = "reflection", ["Input.Date"] = "2026-05-01", ["Input.Visibility"] = "private" };

    private static object MemoryJson(string title, string text) => new { title, text, kind = "reflection", date = "2026-05-01", shared = false };

    private static IEnumerable<Case> Cases()
    {
        var note2001 = new string('a', 2001);
        yield return new("note over the limit", "notes", new { kind = "appreciation", text = note2001 }, "text", NoteForm(note2001), "Input.Text", "Send", "Please keep this to 2,000 characters. It has 2,001 now.");
        yield return new("note with piled marks", "notes", new { kind = "thinking-of-you", text = Piled }, "text", NoteForm(Piled), "Input.Text", "Send", TextLength.TooDenseMessage);
        yield return new("note with a hidden control character", "notes", new { kind = "appreciation", text = "Thanks\u0007 for the soup." }, "text", NoteForm("Thanks\u0007 for the soup."), "Input.Text", "Send", HiddenControl);
        var title121 = new string('t', 121);
        yield return new("memory title over the limit", "memories", MemoryJson(title121, ""), "title", MemoryForm(title121, ""), "Input.Title", null, "Titles can be up to 120 characters. The story itself can go below.");
        yield return new("memory title on two lines", "memories", MemoryJson("By the\nlake", ""), "title", null, "Input.Title", null, "Please keep the title to one line.");
        var story4001 = new string('s', 4001);
        yield return new("memory story over the limit", "memories", MemoryJson("By the lake", story4001), "text", MemoryForm("By the lake", story4001), "Input.Text", null, "A memory can hold up to 4,000 characters. You could split it into two memories.");
        yield return new("memory story with a hidden control character", "memories", MemoryJson("By the lake", "We swam\u0007."), "text", MemoryForm("By the lake", "We swam\u0007."), "Input.Text", null, HiddenControl);
    }

    [Fact]
    public async Task Text_that_breaks_a_rule_gets_one_message_beside_its_field_and_writes_nothing()
    {
        factory.RequireAvailable();
        var ana = await Person.RegisterAsync(factory, "Ana");
        var ben = await Person.RegisterAsync(factory, "Ben");
        var spaceId = await ana.PairWithAsync(ben);
        var failures = new List<string>();
        var tried = 0;
        foreach (var c in Cases())
        {
            tried++;
            var api = await ana.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/{c.Path}", c.Json);
            if (api.StatusCode != HttpStatusCode.BadRequest)
            {
                failures.Add($"{c.Name}: the API answered {(int)api.StatusCode}, not 400");
            }
            else
            {
                var messages = (await Expect.ProblemAsync(HttpStatusCode.BadRequest, api)).FieldErrors(c.ApiField);
                if (messages.Length != 1 || messages[0] != c.Message)
                {
                    failures.Add($"{c.Name}: the API said [{string.Join(" | ", messages)}], not only \"{c.Message}\"");
                }
            }

            if (c.Form is not null)
            {
                tried++;
                var page = await ana.Http.SubmitAsync($"/spaces/{spaceId}/{c.Path}", c.Form, handler: c.Handler);
                var shown = page.StatusCode == HttpStatusCode.BadRequest ? (await page.ParseAsync()).FieldError(c.PageField) : null;
                if (shown != c.Message)
                {
                    failures.Add($"{c.Name}: the page answered {(int)page.StatusCode} with [{shown}] beside {c.PageField}, not \"{c.Message}\"");
                }
            }
        }

        var notes = await factory.WithDbAsync(db => db.Set<Note>().IgnoreQueryFilters().CountAsync(n => n.SpaceId == spaceId));
        var memories = await factory.WithDbAsync(db => db.Set<Memory>().IgnoreQueryFilters().CountAsync(m => m.SpaceId == spaceId));
        if (notes + memories != 0)
        {
            failures.Add($"refused input wrote {notes} notes and {memories} memories");
        }

        Assert.Empty(failures);
    }
}

public sealed class OneCheckPerFieldOnSqlite(SqliteHearthFactory factory) : OneCheckPerFieldTests<SqliteHearthFactory>(factory);

public sealed class OneCheckPerFieldOnPostgres(PostgresHearthFactory factory) : OneCheckPerFieldTests<PostgresHearthFactory>(factory);
