using System.Net.Http.Headers;
using Hearth.Core.Languages;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Languages;

/// <summary>
/// The pseudo-locale qps-Ploc: with Hearth:Languages:Pseudo on, a request in qps-Ploc gets every
/// resource string bracketed and accented (the layout's words here); with it off (production's
/// default) qps-Ploc is an unknown language and the page is English.
/// </summary>
public sealed class PseudoLocaleTests
{
    [Theory]
    [InlineData("accept-language")]
    [InlineData("query")]
    public async Task With_the_pseudo_locale_on_the_layout_is_pseudo_localised(string how)
    {
        await using var world = new SqliteHearthFactory { PseudoLocale = true };
        var page = await GetAsync(world, how);

        Assert.Equal(HearthLanguages.Pseudo, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(PseudoText.Of("Skip to content"), page.QuerySelector(".skip-link")!.TextContent.Trim());
        Assert.Equal(PseudoText.Of("Quick exit"), page.QuerySelector(".quick-exit")!.TextContent.Trim());
        Assert.Equal(PseudoText.Of("Leave Hearth at once. You can also press Shift three times."), page.QuerySelector(".quick-exit")!.GetAttribute("title"));

        // Through IHtmlLocalizer too: the tip's sentence and the key's name inside it.
        var tip = page.QuerySelector(".site-footer p")!;
        Assert.True(PseudoText.IsPseudo(tip.TextContent), tip.TextContent);
        Assert.Equal(PseudoText.Of("Shift"), tip.QuerySelector("kbd")!.TextContent);
    }

    [Theory]
    [InlineData("accept-language")]
    [InlineData("query")]
    public async Task With_the_pseudo_locale_off_qps_Ploc_is_an_unknown_language_and_the_page_is_English(string how)
    {
        await using var world = new SqliteHearthFactory();
        var page = await GetAsync(world, how);

        Assert.Equal(HearthLanguages.English, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Skip to content", page.QuerySelector(".skip-link")!.TextContent.Trim());
    }

    [Fact]
    public async Task Dates_and_numbers_in_the_pseudo_locale_are_formatted_as_in_English()
    {
        await using var world = new SqliteHearthFactory { PseudoLocale = true };
        _ = world.Services;
        var culture = Hearth.Web.Languages.PseudoLocale.Culture;
        var english = System.Globalization.CultureInfo.GetCultureInfo("en");

        Assert.Equal(HearthLanguages.Pseudo, culture.Name);
        Assert.Equal(new DateTime(2026, 6, 2, 14, 30, 0).ToString("D", english), new DateTime(2026, 6, 2, 14, 30, 0).ToString("D", culture));
        Assert.Equal(1234.5.ToString("N1", english), 1234.5.ToString("N1", culture));
    }

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> GetAsync(SqliteHearthFactory world, string how)
    {
        var http = world.NewClient();
        var url = "/account/sign-in";
        if (how == "query")
        {
            url += "?culture=" + HearthLanguages.Pseudo;
        }
        else
        {
            http.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(HearthLanguages.Pseudo));
        }

        return await http.GetPageAsync(url);
    }
}
