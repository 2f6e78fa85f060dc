using System.Net;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Pages;

/// <summary>The same journey through the server-rendered pages, as a browser without JavaScript would.</summary>
public sealed class PageJourneyTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    private const string Password = "sunday pancakes with berries";

    private static async Task<HttpClient> SignUpAsync(SqliteHearthFactory factory, string name, string? returnUrl = null)
    {
        var http = factory.NewClient();
        var url = returnUrl is null ? "/account/register" : $"/account/register?returnUrl={Uri.EscapeDataString(returnUrl)}";
        var response = await http.SubmitAsync(url, new Dictionary<string, string>
        {
            ["Input.DisplayName"] = name,
            ["Input.Email"] = $"{Guid.NewGuid():N}@example.org",
            ["Input.Password"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return http;
    }

    [Fact]
    public async Task Sign_up_start_a_space_invite_join_and_leave_through_the_pages()
    {
        var ana = await SignUpAsync(factory, "Ana");
        var spaces = await ana.GetPageAsync("/spaces?welcome=true");
        Assert.Contains("Welcome to Hearth", spaces.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var created = await ana.SubmitAsync("/spaces/new", new Dictionary<string, string> { ["Input.Kind"] = "friends", ["Input.Label"] = "Bea" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var spaceUrl = created.Headers.Location!.OriginalString.Split('?')[0];

        var space = await ana.GetPageAsync(spaceUrl);
        Assert.Equal("Bea", space.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Invite your friend", space.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // Post-redirect-get: the new link is shown by the page the post redirects to, never in its address.
        var invited = await ana.SubmitAsync(spaceUrl, new Dictionary<string, string>(), handler: "Invite");
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        var shown = await ana.GetPageAsync(invited.Headers.Location!.OriginalString);
        var link = shown.QuerySelector("#invite-link")!.GetAttribute("value")!;
        Assert.DoesNotContain(new Uri(link).AbsolutePath.Split('/')[^1], invited.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var joinPath = new Uri(link).AbsolutePath;

        // The link shows nothing about the space or the inviter before sign-in.
        var anonymous = await factory.NewClient().GetPageAsync(joinPath);
        var anonymousText = anonymous.QuerySelector("main")!.TextContent;
        Assert.Contains("You've been invited", anonymousText, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana", anonymousText, StringComparison.Ordinal);
        Assert.DoesNotContain("friend", anonymousText, StringComparison.OrdinalIgnoreCase);

        var bea = await SignUpAsync(factory, "Bea", returnUrl: joinPath);
        var preview = await bea.GetPageAsync(joinPath);
        Assert.Contains("Ana invited you", preview.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var joined = await bea.SubmitAsync(joinPath, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, joined.StatusCode);
        Assert.StartsWith(spaceUrl, joined.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var together = await bea.GetPageAsync(spaceUrl);
        Assert.Contains("You're both here", together.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("You and Ana", together.QuerySelector("h1")!.TextContent.Trim());

        var left = await bea.SubmitAsync($"{spaceUrl}/leave", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        await bea.GetPageAsync(spaceUrl, HttpStatusCode.NotFound);

        var closed = await ana.GetPageAsync(spaceUrl);
        Assert.Equal("This space is closed", closed.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain("Bea", closed.QuerySelector("main")!.TextContent.Replace("Bea\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_errors_appear_beside_the_field_they_belong_to()
    {
        var http = factory.NewClient();
        var response = await http.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "",
            ["Input.Email"] = "nobody-at-example",
            ["Input.Password"] = "too short",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("what to call you", page.FieldError("Input.DisplayName"), StringComparison.Ordinal);
        Assert.Contains("e-mail address", page.FieldError("Input.Email"), StringComparison.Ordinal);
        Assert.Equal("nobody-at-example", page.QuerySelector("#Input_Email")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_wrong_passphrase_on_the_sign_in_page_says_so_plainly()
    {
        var response = await factory.NewClient().SubmitAsync("/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = "nobody@example.org",
            ["Input.Password"] = "whatever it might have been",
        });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("don't match", page.PageError(), StringComparison.Ordinal);
        Assert.Equal("", page.QuerySelector("#Input_Password")!.GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task A_space_needs_a_kind_and_says_so_beside_the_choice()
    {
        var http = await SignUpAsync(factory, "Kim");
        var response = await http.SubmitAsync("/spaces/new", new Dictionary<string, string> { ["Input.Label"] = "Someone" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("romantic, friends or family", (await response.ParseAsync()).FieldError("Input.Kind"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_out_from_the_page_ends_the_session()
    {
        var http = await SignUpAsync(factory, "Lee");
        await http.GetPageAsync("/spaces");
        var response = await http.SubmitAsync("/account/sign-out", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("cookies", string.Join(',', response.Headers.GetValues("Clear-Site-Data")), StringComparison.Ordinal);
        var after = await http.GetAsync(new Uri("/spaces", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task Every_page_has_a_neutral_title_and_a_quick_exit()
    {
        var http = await SignUpAsync(factory, "Max");
        foreach (var url in new[] { "/spaces", "/spaces/new", "/account/sign-in", "/account/forgot" })
        {
            var page = await http.GetPageAsync(url);
            Assert.Equal("Hearth", page.Title);
            Assert.NotNull(page.QuerySelector("a[data-quick-exit]"));
        }

        var exit = await http.GetPageAsync("/exit");
        Assert.Equal("New tab", exit.Title);
        Assert.DoesNotContain("Hearth", exit.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Return_urls_only_lead_back_into_Hearth()
    {
        var http = factory.NewClient();
        var response = await http.SubmitAsync("/account/register?returnUrl=" + Uri.EscapeDataString("//evil.example/steal"), new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Noor",
            ["Input.Email"] = $"{Guid.NewGuid():N}@example.org",
            ["Input.Password"] = Password,
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/spaces", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
