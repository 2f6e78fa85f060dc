using Hearth.Web.Features.Assessments;

namespace Hearth.Web.Features.Insights;

/// <summary>
/// Operator-configurable places to find a counsellor (Hearth:Counselling:Resources), shown privately
/// when the counselling rule holds for a member. The defaults are generic and true in most places;
/// an operator adds local services, sliding-scale clinics or their own practice.
/// </summary>
public sealed class CounsellingOptions
{
    public const string Section = "Hearth:Counselling";

    public List<SupportResource> Resources { get; set; } = [];

    public IReadOnlyList<SupportResource> EffectiveResources => Resources.Count > 0 ? Resources : Defaults;

    public static IReadOnlyList<SupportResource> Defaults { get; } =
    [
        new()
        {
            Name = "A couples or relationship counsellor",
            Description = "Many counsellors work with pairs, and with friends or family members too. Professional associations in most countries keep a searchable list of registered counsellors near you.",
        },
        new()
        {
            Name = "Low-cost options",
            Description = "Community counselling centres, training clinics at universities, and some charities offer sessions on a sliding scale, priced by what you can afford. It's fine to ask about cost when you first get in touch.",
        },
        new()
        {
            Name = "Online or by phone",
            Description = "Many counsellors meet by video or phone, which helps if you live apart, have a busy week, or would rather talk from home.",
        },
        new()
        {
            Name = "Your doctor",
            Description = "A family doctor or health centre can often suggest someone local, and sometimes knows of free services.",
        },
    ];
}
