using Microsoft.AspNetCore.Hosting;

namespace Cchc.Testing;

/// <summary>Settings every in-process service host of the tests needs.</summary>
public static class TestHostPorts
{
    /// <summary>
    /// Points the service's Kestrel endpoints (<c>grpc</c>, <c>http</c>) at free ports. A WebApplicationFactory normally
    /// serves through its TestServer; if it ever builds the real server (two factories starting at once), the real server
    /// must not clash with the appsettings defaults another test process or a running platform holds.
    /// </summary>
    public static IWebHostBuilder UseFreeKestrelPorts(this IWebHostBuilder web) =>
        web.UseSetting("Kestrel:Endpoints:grpc:Url", $"http://127.0.0.1:{FreePort.Next()}")
            .UseSetting("Kestrel:Endpoints:http:Url", $"http://127.0.0.1:{FreePort.Next()}");
}
