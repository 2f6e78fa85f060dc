using Microsoft.Extensions.Options;

namespace Hearth.Web.Hosting;

/// <summary>The address to put in links that leave the page (e-mails, invitation links).</summary>
public sealed class Links(IOptions<HearthOptions> options, IHttpContextAccessor accessor)
{
    public string BaseUrl
    {
        get
        {
            if (!string.IsNullOrWhiteSpace(options.Value.PublicUrl))
            {
                return options.Value.PublicUrl.TrimEnd('/');
            }

            var request = accessor.HttpContext?.Request ?? throw new InvalidOperationException("No request to take the address from; set Hearth:PublicUrl.");
            return $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
    }
}
