using Microsoft.Extensions.Options;

namespace Hearth.Web.Features.Email;

/// <summary>E-mail: to the outbox folder by default, or by SMTP when Email:Delivery says smtp.</summary>
public static class EmailFeature
{
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection("Email"));
        services.AddSingleton<IRecipientLanguage, RequestRecipientLanguage>();
        services.AddScoped<Emails>();
        services.AddSingleton<IMailer>(sp =>
            string.Equals(sp.GetRequiredService<IOptions<EmailOptions>>().Value.Delivery, "smtp", StringComparison.OrdinalIgnoreCase)
                ? ActivatorUtilities.CreateInstance<SmtpMailer>(sp)
                : ActivatorUtilities.CreateInstance<OutboxMailer>(sp));
        return services;
    }
}
