namespace Hearth.Web.Features.Assessments;

/// <summary>One place to turn to, shown privately when a safety answer says someone may not be safe.</summary>
public sealed class SupportResource
{
    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>A phone number, text line or other way to reach them (optional).</summary>
    public string? Contact { get; set; }

    /// <summary>A web address (optional). Opened only if the person chooses to.</summary>
    public string? Url { get; set; }
}

/// <summary>
/// Operator-configurable support resources (Hearth:Safety:Resources). The defaults are generic and
/// true everywhere; an operator adds local helplines, shelters and counselling services.
/// </summary>
public sealed class SafetyOptions
{
    public const string Section = "Hearth:Safety";

    public List<SupportResource> Resources { get; set; } = [];

    public IReadOnlyList<SupportResource> EffectiveResources => Resources.Count > 0 ? Resources : Defaults;

    public static IReadOnlyList<SupportResource> Defaults { get; } =
    [
        new()
        {
            Name = "If you are in danger right now",
            Description = "Call your local emergency number. In most of Europe that is 112, in the UK 999, in North America 911, in Australia 000.",
        },
        new()
        {
            Name = "A domestic abuse helpline",
            Description = "Most countries have a free, confidential helpline for anyone who feels afraid of, or hurt or controlled by, someone close to them. They listen, and they can help you think through what you want to do, at your pace.",
        },
        new()
        {
            Name = "Someone you trust",
            Description = "A friend, a relative, a doctor or a counsellor you see on your own. You don't have to decide anything to talk to them.",
        },
        new()
        {
            Name = "Keeping your phone private",
            Description = "If someone may look at your phone or accounts, a helpline can also help you check your devices and plan how to reach support safely.",
        },
    ];
}
