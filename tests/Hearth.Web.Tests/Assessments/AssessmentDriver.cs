using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hearth.Core.Assessments;
using Hearth.Core.Spaces;
using Hearth.Web.Tests.Infrastructure;

namespace Hearth.Web.Tests.Assessments;

/// <summary>Takes the assessment through the API, as a person would, with chosen answers.</summary>
public static class AssessmentDriver
{
    /// <summary>Answers every (non-safety) question shown to this person with <paramref name="valueFor"/>.</summary>
    public static async Task TakeAsync(this Person person, Guid spaceId, Func<AssessmentItem, int> valueFor, string kind = "romantic", bool sexualOptIn = false, IReadOnlyList<string>? share = null, bool shareCareWays = true)
    {
        await Expect.StatusAsync(HttpStatusCode.OK, await person.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/assessment/start", new { sexualOptIn }));
        Assert.True(RelationshipKinds.TryParse(kind, out var k));
        var answers = AssessmentContent.Baseline.ItemsFor(k, sexualOptIn)
            .Where(i => !i.Item.IsSafety)
            .ToDictionary(i => i.Id, i => (object)valueFor(i.Item));
        await Expect.StatusAsync(HttpStatusCode.OK, await person.Http.PutAsJsonAsync($"/api/v1/spaces/{spaceId}/assessment/answers", new { answers }));
        var complete = await person.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/assessment/complete", new { share, shareCareWays });
        await Expect.StatusAsync(HttpStatusCode.OK, complete);
    }

    /// <summary>Experience items at <paramref name="experience"/>, importance at <paramref name="importance"/>, everything else mid-scale.</summary>
    public static Func<AssessmentItem, int> Uniform(int experience, int importance = 6) => item => item.Section switch
    {
        AssessmentSection.Experience => item.IsReverseKeyed ? 8 - experience : experience,
        AssessmentSection.Importance => importance,
        _ => (item.Scale.Min + item.Scale.Max) / 2,
    };

    public static async Task<JsonElement> SafetyCheckAsync(this Person person, Guid spaceId, int answer)
    {
        var answers = AssessmentContent.Baseline.Items.Where(i => i.IsSafety).ToDictionary(i => i.Id, _ => (object)answer);
        var response = await person.Http.PostAsJsonAsync($"/api/v1/spaces/{spaceId}/assessment/safety-check", new { answers });
        await Expect.StatusAsync(HttpStatusCode.OK, response);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
