using Hearth.Web.Data.Export;
using Hearth.Web.Hosting;

namespace Hearth.Web.Features.Prompts;

/// <summary>Prompts: today's question for the pair, answered or skipped.</summary>
public static class PromptsFeature
{
    public static IServiceCollection AddPrompts(this IServiceCollection services) =>
        services.AddScoped<PromptService>()
            .AddPersonalDataKind<PromptData>();

    public static void MapPrompts(this HearthRoutes routes) => routes.Space.MapPromptApi();
}
