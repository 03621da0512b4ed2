using Microsoft.Extensions.DependencyInjection.Extensions;
using Cchc.NationalSimulator;

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
