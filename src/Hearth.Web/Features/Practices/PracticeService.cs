using Hearth.Core.Dimensions;
using Hearth.Core.Practices;
using Hearth.Web.Api;
using Hearth.Web.Data;
using Hearth.Web.Features.Daily;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Hearth.Web.Features.Practices;

/// <summary>The practice catalogue for a pair (suited to their kind of space) and their shared pick list.</summary>
public sealed class PracticeService(HearthDbContext db, PairSpaces pairs, IStringLocalizer<PracticesText> text, TimeProvider clock)
{
    public async Task<Outcome<PracticeListView>> BrowseAsync(Guid spaceId, PracticeFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<PracticeListView>.NotFound();
        }

        Dimension? dimension = null;
        if (!string.IsNullOrWhiteSpace(filter.Dimension))
        {
            if (!DimensionCatalog.TryParse(filter.Dimension, out var parsed))
            {
                return Outcome<PracticeListView>.Invalid("dimension", text["UnknownDimension"].Value);
            }

            dimension = parsed;
        }

        // A pair who said "we live apart" is only ever offered what works at a distance (issue 17, rule 6);
        // everyone else may ask for that list too.
        var apart = pair.LivingApart || (filter.WorksApart ?? false);
        var ours = await OurIdsAsync(spaceId, ct);
        var list = InMyLanguage.For(pair.Kind, dimension, apart).Select(p => View(p, ours)).ToList();
        return Outcome<PracticeListView>.Ok(new PracticeListView(dimension?.WireName(), apart, list, pair.LivingApart));
    }

    public async Task<Outcome<IReadOnlyList<PracticeView>>> OurListAsync(Guid spaceId, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<IReadOnlyList<PracticeView>>.NotFound();
        }

        var ours = await OurIdsAsync(spaceId, ct);
        IReadOnlyList<PracticeView> list = InMyLanguage.Practices.Where(p => ours.Contains(p.Id)).Select(p => View(p, ours)).ToList();
        return Outcome<IReadOnlyList<PracticeView>>.Ok(list);
    }

    public async Task<Outcome<IReadOnlyList<PracticeView>>> AddAsync(Guid spaceId, string practiceId, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<IReadOnlyList<PracticeView>>.NotFound();
        }

        if (!PracticeCatalog.Default.TryGet(practiceId, out var practice) || !practice.Suits(pair.Kind))
        {
            return Outcome<IReadOnlyList<PracticeView>>.NotFound();
        }

        if (!await db.Set<ChosenPractice>().AnyAsync(p => p.SpaceId == spaceId && p.PracticeId == practice.Id, ct))
        {
            db.Add(new ChosenPractice { Id = Guid.CreateVersion7(), SpaceId = spaceId, PracticeId = practice.Id, AddedByUserId = pair.Me, AddedAt = clock.GetUtcNow() });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException race) when (DbErrors.IsUniqueViolation(race))
            {
                // Both added it at the same moment: it is on the list either way.
                db.ChangeTracker.Clear();
            }
        }

        return await OurListAsync(spaceId, ct);
    }

    public async Task<Outcome<IReadOnlyList<PracticeView>>> RemoveAsync(Guid spaceId, string practiceId, CancellationToken ct = default)
    {
        var pair = await pairs.OpenAsync(spaceId, ct);
        if (pair is null)
        {
            return Outcome<IReadOnlyList<PracticeView>>.NotFound();
        }

        await db.Set<ChosenPractice>().Where(p => p.SpaceId == spaceId && p.PracticeId == practiceId).ExecuteDeleteAsync(ct);
        return await OurListAsync(spaceId, ct);
    }

    private async Task<HashSet<string>> OurIdsAsync(Guid spaceId, CancellationToken ct) =>
        (await db.Set<ChosenPractice>().Where(p => p.SpaceId == spaceId).Select(p => p.PracticeId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    private static PracticeView View(Practice p, HashSet<string> ours) => new(
        p.Id,
        p.Title,
        p.HowTo,
        p.Dimensions.Select(d => d.WireName()).ToList(),
        p.Minutes,
        p.Setting.WireName(),
        p.WorksAtDistance,
        p.Why,
        ours.Contains(p.Id));

    /// <summary>The practices in the caller's language; ids, dimensions and settings are the same in every language.</summary>
    private static PracticeCatalog InMyLanguage => PracticeCatalog.For(CultureInfo.CurrentUICulture.Name);

    /// <summary>"In person", "Apart: a call, video or messages", "Together or apart", in the caller's language.</summary>
    public static string DescribeSetting(string setting, IStringLocalizer<PracticesText> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return setting is "in-person" or "remote" ? text[$"Setting.{setting}"].Value : text["Setting.either"].Value;
    }
}
