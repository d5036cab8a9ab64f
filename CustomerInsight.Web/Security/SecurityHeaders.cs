using System.Security.Cryptography;

namespace CustomerInsight.Web.Security;

/// <summary>
/// Headers every response carries: no MIME sniffing, no referrer sent off-site, never framed, and a
/// Content-Security-Policy that lets only the app's own scripts run. Blazor's import map is the one inline
/// script: it carries this request's nonce (<see cref="Nonce"/>, App.razor). MudBlazor renders style attributes,
/// hence <c>'unsafe-inline'</c> for styles only; the circuit's WebSocket is <c>'self'</c>.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceKey = "csp-nonce";

    /// <summary>The nonce of this request's inline import map (set by the middleware).</summary>
    public static string? Nonce(HttpContext? context) => context?.Items[NonceKey] as string;

    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            // Once per request (a re-executed error or not-found page keeps the nonce it rendered with); set when the
            // response starts, over whatever an endpoint set (static files send their own nosniff).
            if (context.Items[NonceKey] is not string)
            {
                // Hex: within the nonce grammar, and nothing the HTML encoder rewrites in the attribute (base64's "+").
                context.Items[NonceKey] = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
                context.Response.OnStarting(() =>
                {
                    var headers = context.Response.Headers;
                    headers.XContentTypeOptions = "nosniff";
                    headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                    headers.XFrameOptions = "DENY";
                    headers.ContentSecurityPolicy = ContentSecurityPolicy((string)context.Items[NonceKey]!);
                    return Task.CompletedTask;
                });
            }
            await next(context);
        });
}
