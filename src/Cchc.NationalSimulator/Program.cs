using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cchc.NationalSimulator;

/// <summary>
/// The simulator's entry point (a class of its own, not top-level statements: tests host it beside the adapter, whose
/// <c>Program</c> is the global one; WebApplicationFactory&lt;SimulatorEntryPoint&gt; finds this assembly's entry point).
/// </summary>
public static class SimulatorProgram
{
    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.AddServiceDefaults();
        builder.Services.Configure<SimulatorOptions>(builder.Configuration.GetSection(SimulatorOptions.Section));
        builder.Services.AddSingleton<NationalSide>();
        builder.Services.Configure<OneStopShopOptions>(builder.Configuration.GetSection(OneStopShopOptions.Section));
        // A pushed day is exactly three calls whose answers the caller reads: no retry may re-send one after a slow first
        // attempt (the platform would then rightly answer "unchanged" to a call whose first answer was lost), so this
        // client has one attempt with a timeout long enough for a cold platform.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way to replace the default handler.
        builder.Services.AddHttpClient<OneStopShop>(http => http.Timeout = TimeSpan.FromMinutes(3)).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.TryAddSingleton(TimeProvider.System);

        var app = builder.Build();
        SimulatorEndpoints.Map(app);
        app.MapDefaultEndpoints();
        app.Run();
    }
}
