using System.Net;
using Microsoft.AspNetCore.Http;

namespace Pipeline.Functions.Http;

/// <summary>Who sent a request, as far as the limit on redirect lookups needs to know.</summary>
public static class ClientAddress
{
    /// <summary>
    /// The last entry of <paramref name="header"/> when one is configured (a front end appends the address it saw, so
    /// earlier entries are the client's own claims), else the connection's address.
    /// </summary>
    public static string? Of(HttpRequest request, string? header)
    {
        if (!string.IsNullOrEmpty(header) && request.Headers.TryGetValue(header, out var values) && values.Count > 0)
        {
            var last = values[values.Count - 1] ?? string.Empty;
            var entry = last[(last.LastIndexOf(',') + 1)..].Trim();
            // App Service writes "address:port"; an IPv6 address may come bracketed with a port.
            if (IPEndPoint.TryParse(entry, out var endpoint))
            {
                return endpoint.Address.ToString();
            }

            if (entry.Length is > 0 and <= 64)
            {
                return entry;
            }
        }

        return request.HttpContext.Connection.RemoteIpAddress?.ToString();
    }
}
