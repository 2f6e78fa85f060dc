using System.Globalization;
using Hearth.Web.Languages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Hearth.Web.Tests.Languages;

/// <summary>
/// T.Plural over real resource files (PluralSample.resx and .de.resx in this assembly), through the
/// same factories the app uses, the pseudo-locale's included.
/// </summary>
public sealed class PluralTextTests
{
    private static readonly IStringLocalizer Text = new PseudoStringLocalizerFactory(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance)).Create(typeof(PluralSample));

    [Theory]
    [InlineData("en", 1, "1 minute together with Bea")]
    [InlineData("en", 0, "0 minutes together with Bea")]
    [InlineData("en", 2, "2 minutes together with Bea")]
    [InlineData("en", 1440, "1,440 minutes together with Bea")]
    [InlineData("de", 1, "1 Minute mit Bea")]
    [InlineData("de", 0, "0 Minuten mit Bea")]
    [InlineData("de", 21, "21 Minuten mit Bea")]
    [InlineData("de", 1440, "1.440 Minuten mit Bea")]
    public void The_count_picks_the_form_and_is_formatted_for_the_language(string culture, long count, string expected) =>
        Assert.Equal(expected, In(culture, () => Text.Plural("Minutes", count, "Bea").Value));

    [Theory]
    [InlineData("en", "1 notes")]
    [InlineData("de", "1 Notizen")]
    public void A_form_the_file_lacks_falls_back_to_other(string culture, string expected) =>
        Assert.Equal(expected, In(culture, () => Text.Plural("Notes", 1).Value));

    [Fact]
    public void A_missing_key_says_so() =>
        Assert.True(In("en", () => Text.Plural("NoSuchKey", 2).ResourceNotFound));

    [Fact]
    public void In_the_pseudo_locale_the_sentence_is_pseudo_and_the_name_stays_as_typed()
    {
        var text = In(PseudoLocale.Culture, () => Text.Plural("Minutes", 3, "Bea").Value);
        Assert.Equal(Hearth.Core.Languages.PseudoText.Of("{0} minutes together with {1}").Replace("{0}", "3", StringComparison.Ordinal).Replace("{1}", "Bea", StringComparison.Ordinal), text);
        Assert.Contains("Bea", text, StringComparison.Ordinal);
    }

    private static T In<T>(string culture, Func<T> work) => In(CultureInfo.GetCultureInfo(culture), work);

    private static T In<T>(CultureInfo culture, Func<T> work)
    {
        var (ui, formats) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = culture;
            CultureInfo.CurrentCulture = culture;
            return work();
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
            CultureInfo.CurrentCulture = formats;
        }
    }
}
