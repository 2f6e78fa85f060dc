namespace Hearth.Web.Pair;

/// <summary>
/// One space as its member sees it (<see cref="SpaceDetail"/>), for features that show a space
/// beside their own parts (the pair dashboard). The Spaces feature provides it, so a feature that the
/// space page shows never depends on the space page's feature.
/// </summary>
public interface ISpaceDetails
{
    /// <summary>The space if the caller is a member (a closed one shows only that it is closed); otherwise "not found".</summary>
    Task<Outcome<SpaceDetail>> GetAsync(Guid spaceId, CancellationToken ct = default);
}
