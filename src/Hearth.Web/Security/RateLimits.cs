using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Hearth.Web.Hosting;
using Microsoft.AspNetCore.RateLimiting;

namespace Hearth.Web.Security;

/// <summary>Rate limits that answer 429 quickly (never a slow 5xx), with Retry-After.</summary>
public static class RateLimits
{
    /// <summary>Sign-in, sign-up and passphrase reset attempts (not page views): per client address.</summary>
    public const string Account = "account";

    public static IServiceCollection AddHearthRateLimits(this IServiceCollection services, RateLimitOptions options)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, ct) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                await WriteTooManyAsync(context.HttpContext, retry, ct);
            };

            // Only attempts spend it: looking at the sign-in page (GET, HEAD) is free.
            o.AddPolicy(Account, http => HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                ? RateLimitPartition.GetNoLimiter("views")
                : RateLimitPartition.GetFixedWindowLimiter(
                    ClientAddress(http),
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = Math.Max(1, options.AccountPerMinute),
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    }));

            if (options.RequestsPerMinute > 0)
            {
                o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                    RateLimitPartition.GetTokenBucketLimiter(
                        http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? ClientAddress(http),
                        _ => new TokenBucketRateLimiterOptions
                        {
                            TokenLimit = options.RequestsPerMinute,
                            TokensPerPeriod = Math.Max(1, options.RequestsPerMinute / 6),
                            ReplenishmentPeriod = TimeSpan.FromSeconds(10),
                            QueueLimit = 0,
                        }));
            }
        });
        return services;
    }

    public static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "local";

    /// <summary>The one 429 answer: ProblemDetails for the API, a short page otherwise.</summary>
    public static async Task WriteTooManyAsync(HttpContext http, TimeSpan retryAfter, CancellationToken ct)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        const string detail = "That was a lot of tries in a short time. Please wait a little and try again.";
        if (Api.ApiPaths.IsApi(http.Request))
        {
            await Results.Problem(statusCode: 429, title: "Too many requests", detail: detail).ExecuteAsync(http);
        }
        else
        {
            http.Response.ContentType = "text/plain; charset=utf-8";
            await http.Response.WriteAsync(detail, ct);
        }
    }
}
