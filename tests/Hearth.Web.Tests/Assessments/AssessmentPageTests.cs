using System.Net;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Assessments;

/// <summary>The assessment through its pages, as a browser without JavaScript would.</summary>
public sealed class AssessmentPageTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    [Fact]
    public async Task Back_and_next_keep_every_answer_and_the_last_step_finishes()
    {
        var sam = await Person.RegisterAsync(factory);
        var spaceId = await sam.CreateSpaceAsync("romantic");
        var start = await sam.Http.SubmitAsync($"/spaces/{spaceId}/assessment", new Dictionary<string, string> { ["SexualOptIn"] = "true" }, handler: "Start");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        Assert.EndsWith("/assessment/step/anchor", start.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var anchor = await sam.Http.GetPageAsync($"/spaces/{spaceId}/assessment/step/anchor");
        Assert.Contains("Step 1 of 9", anchor.QuerySelector(".progress")!.TextContent, StringComparison.Ordinal);
        var next = await sam.Http.SubmitAsync($"/spaces/{spaceId}/assessment/step/anchor", new Dictionary<string, string> { ["a[anchor.1]"] = "6", ["a[anchor.3]"] = "preferNotToSay", ["Go"] = "next" });
        Assert.EndsWith("/assessment/step/experience", next.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var back = await sam.Http.SubmitAsync($"/spaces/{spaceId}/assessment/step/experience", new Dictionary<string, string> { ["a[emo.exp.1]"] = "2", ["Go"] = "back" });
        Assert.EndsWith("/assessment/step/anchor", back.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var again = await sam.Http.GetPageAsync($"/spaces/{spaceId}/assessment/step/anchor");
        Assert.True(again.QuerySelector("#q-anchor-1-6")!.HasAttribute("checked"));
        Assert.True(again.QuerySelector("#q-anchor-3-pnts")!.HasAttribute("checked"));
        var experience = await sam.Http.GetPageAsync($"/spaces/{spaceId}/assessment/step/experience");
        Assert.True(experience.QuerySelector("#q-emo-exp-1-2")!.HasAttribute("checked"));

        // The sexual questions appear for a romantic member who opted in; spiritual ones offer "not relevant".
        Assert.NotNull((await sam.Http.GetPageAsync($"/spaces/{spaceId}/assessment/step/sexual")).QuerySelector("#q-phy-sex-1"));
        Assert.NotNull(experience.QuerySelector("#q-spi-exp-1-nr"));

        var finish = await sam.Http.SubmitAsync($"/spaces/{spaceId}/assessment/step/share", new Dictionary<string, string> { ["Go"] = "finish" });
        Assert.Equal(HttpStatusCode.Redirect, finish.StatusCode);
        var results = await sam.Http.GetPageAsync(finish.Headers.Location!.OriginalString);
        Assert.Equal("Your results", results.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(results.QuerySelector("svg.chart.bars"));
        Assert.NotNull(results.QuerySelector("table.data"));
    }

    [Fact]
    public async Task An_out_of_range_answer_is_marked_beside_its_question_and_nothing_is_kept()
    {
        var sam = await Person.RegisterAsync(factory);
        var spaceId = await sam.CreateSpaceAsync("friends");
        await sam.Http.SubmitAsync($"/spaces/{spaceId}/assessment", new Dictionary<string, string>(), handler: "Start");
        var response = await sam.Http.SubmitAsync($"/spaces/{spaceId}/assessment/step/anchor", new Dictionary<string, string> { ["a[anchor.1]"] = "5", ["a[anchor.2]"] = "12", ["Go"] = "next" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ParseAsync();
        Assert.Contains("between 1 and 7", page.QuerySelector("#q-anchor-2 .field-error")!.TextContent, StringComparison.Ordinal);
        var state = await sam.GetJsonAsync($"/api/v1/spaces/{spaceId}/assessment");
        Assert.Empty(state.GetProperty("answers").EnumerateObject());
    }

    [Fact]
    public async Task The_safety_page_shows_support_only_to_the_person_who_answered()
    {
        var sam = await Person.RegisterAsync(factory);
        var spaceId = await sam.CreateSpaceAsync("romantic");
        var page = await sam.Http.GetPageAsync($"/spaces/{spaceId}/assessment/safety");
        Assert.Contains("not stored", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, page.QuerySelectorAll("fieldset.question").Length);

        var endorsed = await sam.Http.SubmitAsync($"/spaces/{spaceId}/assessment/safety", new Dictionary<string, string> { ["a[safety.fear]"] = "1" });
        var support = await endorsed.ParseAsync();
        Assert.Equal("You deserve to feel safe", support.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotEmpty(support.QuerySelectorAll(".resources li"));
        Assert.Contains("Quick exit", support.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Hearth", support.Title);

        var fine = await (await sam.Http.SubmitAsync($"/spaces/{spaceId}/assessment/safety", new Dictionary<string, string> { ["a[safety.fear]"] = "0" })).ParseAsync();
        Assert.Equal("Thank you", fine.QuerySelector("h1")!.TextContent.Trim());
    }
}
