using Hearth.Core.Dimensions;

namespace Hearth.Web.Pair;

/// <summary>
/// The pair's priority dimensions for the prompt recommender: only priorities both members may see
/// (no inference leak). Provided by the assessment (SharedPriorityDimensions: the shared map only).
/// </summary>
public interface IPriorityDimensions
{
    Task<IReadOnlyCollection<Dimension>> ForSpaceAsync(Guid spaceId, CancellationToken ct = default);
}

/// <summary>
/// Whether each member of a romantic space opted in to sexual content. Nobody can opt in yet, so the
/// answer is "no" for both; the consent screen will provide the real answer.
/// </summary>
public interface ISexualContentConsent
{
    Task<(bool First, bool Second)> ForSpaceAsync(Guid spaceId, CancellationToken ct = default);
}

public sealed class NoSexualContentConsent : ISexualContentConsent
{
    public Task<(bool First, bool Second)> ForSpaceAsync(Guid spaceId, CancellationToken ct = default) =>
        Task.FromResult((false, false));
}
