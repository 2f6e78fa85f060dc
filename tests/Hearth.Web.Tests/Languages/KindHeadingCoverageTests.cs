using System.Globalization;
using System.Resources;
using Hearth.Core.Languages;
using Hearth.Web.Data.Export;
using Hearth.Web.Features.DataRights;
using Hearth.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hearth.Web.Tests.Languages;

/// <summary>
/// The "Your data" page's kind headings: every kind of personal data registered in the app (from DI)
/// has its heading, and its shared heading where it reveals anything, in every shipped language's
/// own DataRights resx file (not by falling back to English), and the English ones read exactly as the
/// kind's own English heading, so the page says what it said before.
/// </summary>
public sealed class KindHeadingCoverageTests(SqliteHearthFactory factory) : IClassFixture<SqliteHearthFactory>
{
    private static readonly ResourceManager Resources = new(typeof(DataRightsText).FullName!, typeof(DataRightsText).Assembly);

    [Fact]
    public void Every_registered_kind_has_its_headings_in_every_shipped_language()
    {
        var kinds = factory.Services.GetServices<IPersonalDataKind>().ToList();
        Assert.True(kinds.Count >= 10, $"only {kinds.Count} kinds registered");

        var missing = new List<string>();
        foreach (var language in HearthLanguages.Shipped)
        {
            var culture = language == HearthLanguages.English ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language);
            var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false);
            foreach (var kind in kinds)
            {
                var keys = kind.Display.SharedHeading is null ? new[] { "KindMine." + kind.Name } : ["KindMine." + kind.Name, "KindShared." + kind.Name];
                missing.AddRange(keys.Where(k => string.IsNullOrWhiteSpace(set?.GetString(k))).Select(k => $"{language}: {k}"));
            }
        }

        Assert.True(missing.Count == 0, "Kind headings missing from DataRightsText:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_English_headings_are_the_kinds_own()
    {
        var english = Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!;
        foreach (var kind in factory.Services.GetServices<IPersonalDataKind>())
        {
            Assert.Equal(kind.Display.MineHeading, english.GetString("KindMine." + kind.Name));
            Assert.Equal(kind.Display.SharedHeading, english.GetString("KindShared." + kind.Name));
        }
    }
}
