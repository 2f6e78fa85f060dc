using System.Globalization;
using Hearth.Core.Languages;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Languages;

/// <summary>
/// Plural forms: <c>T.Plural("NotesCount", 3)</c> reads <c>NotesCount.one</c> or <c>NotesCount.other</c>
/// (CLDR categories, <see cref="PluralRules"/>) for the request's language. The count is <c>{0}</c>,
/// formatted for the culture ("1,440" in English, "1.440" in German); further arguments are
/// <c>{1}</c>, <c>{2}</c>… When a language's file lacks the form the count needs, <c>.other</c> answers.
/// </summary>
public static class PluralText
{
    public static LocalizedString Plural(this IStringLocalizer text, string key, long count, params object[] arguments)
    {
        ArgumentNullException.ThrowIfNull(text);
        object[] all = [count.ToString("N0", CultureInfo.CurrentCulture), .. arguments];
        var category = PluralRules.Category(CultureInfo.CurrentUICulture.Name, count);
        var form = text[$"{key}.{category}", all];
        return form.ResourceNotFound && category != PluralRules.Other ? text[$"{key}.{PluralRules.Other}", all] : form;
    }
}
