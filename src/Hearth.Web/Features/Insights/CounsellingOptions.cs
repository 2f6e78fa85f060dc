using System.Globalization;
using System.Resources;
using Hearth.Web.Features.Assessments;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.Insights;

/// <summary>
/// Operator-configurable places to find a counsellor (Hearth:Counselling:Resources), shown privately
/// when the counselling rule holds for a member. The defaults are generic and true in most places,
/// and are worded in the member's language (InsightsText.resx); an operator adds local services,
/// sliding-scale clinics or their own practice, shown as the operator wrote them.
/// </summary>
public sealed class CounsellingOptions
{
    public const string Section = "Hearth:Counselling";

    /// <summary>The default places, by their words' keys: <c>&lt;key&gt;Name</c> and <c>&lt;key&gt;Description</c>.</summary>
    private static readonly string[] DefaultKeys = ["Counsellor", "LowCost", "Online", "Doctor"];

    public List<SupportResource> Resources { get; set; } = [];

    /// <summary>The default places in English (the source of InsightsText.resx).</summary>
    public static IReadOnlyList<SupportResource> Defaults { get; } = InEnglish();

    /// <summary>The operator's places, or the defaults in the language of <paramref name="text"/>.</summary>
    public IReadOnlyList<SupportResource> EffectiveResources(IStringLocalizer<InsightsText> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Resources.Count > 0
            ? Resources
            : DefaultKeys.Select(k => new SupportResource { Name = text[k + "Name"], Description = text[k + "Description"] }).ToList();
    }

    private static List<SupportResource> InEnglish()
    {
        var english = new ResourceManager(typeof(InsightsText).FullName!, typeof(InsightsText).Assembly);
        return DefaultKeys.Select(k => new SupportResource
        {
            Name = english.GetString(k + "Name", CultureInfo.InvariantCulture) ?? k,
            Description = english.GetString(k + "Description", CultureInfo.InvariantCulture) ?? k,
        }).ToList();
    }
}
