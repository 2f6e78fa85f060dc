using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Hearth.Web.Features.DataRights;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.DataRights;

/// <summary>
/// The export's checksum (issue Trust, item 18) is an unkeyed SHA-256: anyone who edits the file
/// can recompute it. So Hearth calls it what it is, a check for accidental damage, on the data
/// page, in its answers and in the docs; and an edited file with a fresh checksum is still checked
/// value by value: nothing the format forbids gets in, and the other person's items never become yours.
/// </summary>
[Slow("exports, edits and re-imports files value by value")]
public sealed class ChecksumTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    [Fact]
    public async Task An_edited_export_with_a_fresh_checksum_is_still_checked_and_nothing_promises_it_was_not_edited()
    {
        var world = await DataWorld.CreateAsync(factory, "CK" + Guid.NewGuid().ToString("N")[..6]);
        var (_, file, _) = await DataWorld.ExportAsync(world.Ana);
        var wrong = new List<string>();

        // An honest edit, checksum recomputed: it imports. The checksum never proved the file unedited.
        var edited = JsonNode.Parse(file.Replace(world.M("note-ana"), world.M("note-ana") + "-edited", StringComparison.Ordinal))!.AsObject();
        var fay = await Person.RegisterAsync(factory, "Fay");
        await Expect.StatusAsync(HttpStatusCode.OK, await ImportAsync(fay, ExportDigest.Seal(edited).ToJsonString()));
        Assert.Contains(world.M("note-ana") + "-edited", (await DataWorld.ExportAsync(fay)).Body, StringComparison.Ordinal);

        // Hostile edits, each with a fresh checksum: all refused, nothing written.
        var paired = JsonNode.Parse(file)!["spaces"]!.AsArray().Select((s, i) => (s, i)).Single(p => (string?)p.s!["state"] == "paired").i;
        var hostile = new (string What, Action<JsonObject> Edit)[]
        {
            ("the other person's note moved into mine", d => d["spaces"]![paired]!["mine"]!["notes"]!.AsArray().Add(d["spaces"]![paired]!["sharedWithMe"]!["items"]!["notes"]![0]!.DeepClone())),
            ("an author id on a memory", d => d["spaces"]![paired]!["mine"]!["memories"]![0]!["userId"] = Guid.NewGuid().ToString()),
            ("a safety answer on a check-in", d => d["spaces"]![paired]!["mine"]!["checkIns"]![0]!["safety"] = "afraid"),
            ("a space joined by id", d => d["spaces"]![paired]!["spaceId"] = Guid.NewGuid().ToString()),
            ("a title far too long", d => d["spaces"]![paired]!["mine"]!["memories"]![0]!["title"] = new string('t', 5000)),
        };
        foreach (var (what, edit) in hostile)
        {
            var doc = JsonNode.Parse(file)!.AsObject();
            edit(doc);
            var gil = await Person.RegisterAsync(factory, "Gil");
            var answer = await ImportAsync(gil, ExportDigest.Seal(doc).ToJsonString());
            if (answer.StatusCode != HttpStatusCode.BadRequest || (await gil.GetJsonAsync("/api/v1/spaces")).GetArrayLength() != 0)
            {
                wrong.Add($"{what}: {(int)answer.StatusCode}");
            }
        }

        // What Hearth says about the checksum: accidents, not edits; never "integrity" or "tamper-proof".
        // The page as a person reads it: HTML entities decoded (the localiser encodes "doesn't").
        var page = System.Net.WebUtility.HtmlDecode(await fay.Http.GetStringAsync(new Uri("/account/data", UriKind.Relative)));
        var damaged = await Expect.ProblemAsync(HttpStatusCode.BadRequest, await ImportAsync(await Person.RegisterAsync(factory, "Hal"), file.Replace(world.M("note-ana"), "x", StringComparison.Ordinal)));
        var docs = await File.ReadAllTextAsync(Path.Combine(DataRightsTests<SqliteHearthFactory>.RepoRoot(), "docs", "export-format.md"));
        var claims = new (string Where, string Text, string Must)[]
        {
            ("data page", page, "accidental damage"),
            ("data page", page, "doesn't stop anyone from changing it"),
            ("refusal of a damaged file", damaged.Detail(), "checksum"),
            ("docs/export-format.md", docs, "detects accidental damage, not deliberate edits"),
        };
        wrong.AddRange(claims.Where(c => !c.Text.Contains(c.Must, StringComparison.Ordinal)).Select(c => $"{c.Where} does not say \"{c.Must}\""));
        foreach (var (where, text) in new[] { ("data page", page), ("refusal of a damaged file", damaged.Detail()) })
        {
            foreach (var promise in new[] { "integrity", "tamper", "changed since Hearth made it", "proves", "genuine" })
            {
                if (text.Contains(promise, StringComparison.OrdinalIgnoreCase))
                {
                    wrong.Add($"{where} promises \"{promise}\"");
                }
            }
        }

        SecurityReport.Record("an edited export with a recomputed checksum is still checked and not called genuine", "sqlite", hostile.Length + claims.Length + 10, wrong.Count,
            $"{nameof(ChecksumTests)}.{nameof(An_edited_export_with_a_fresh_checksum_is_still_checked_and_nothing_promises_it_was_not_edited)}",
            "hostile edits with a fresh SHA-256, and what the page, the refusal and the docs claim");
        Assert.Empty(wrong);
    }

    private static Task<HttpResponseMessage> ImportAsync(Person person, string json) =>
        person.Http.PostAsync(new Uri("/api/v1/account/import", UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
}
