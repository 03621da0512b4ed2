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
        builder.Services.AddHttpClient<OneStopShop>();
        builder.Services.TryAddSingleton(TimeProvider.System);

        var app = builder.Build();
        SimulatorEndpoints.Map(app);
        app.MapDefaultEndpoints();
        app.Run();
    }
}
