using Cchc.Integration.Api.Domain;
using Cchc.Integration.Api.Exchange;
using Cchc.Integration.Api.Inbound;
using Cchc.Procedures.Api.Grpc;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace Cchc.Integration.Api;

/// <summary>The adapter's own registrations (the definition's <c>Services</c>): options, mapping, exchange machinery, clients.</summary>
internal static class IntegrationServices
{
    /// <summary>Section of the adapter's own client of the suite's token service (to call the procedures service).</summary>
    public const string SuiteTokenSection = "Integration:Suite";

    /// <summary>The procedures service's gRPC address; the default resolves through service discovery.</summary>
    public const string ProceduresAddressKey = "Integration:Procedures:Address";

    public const string SuiteTokens = "suite";

    public static void Add(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<DossierMappingOptions>(builder.Configuration.GetSection(DossierMappingOptions.Section));
        services.Configure<ExchangeOptions>(builder.Configuration.GetSection(ExchangeOptions.Section));
        services.Configure<TokenClientOptions>(SuiteTokens, builder.Configuration.GetSection(SuiteTokenSection));

        services.AddSingleton(sp => new DossierMapping(sp.GetRequiredService<IOptions<DossierMappingOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.AddScoped<DossierSync>();
        services.AddScoped<MessageLog>();

        // The adapter's token from the suite's token service, cached and renewed before it expires.
        services.AddHttpClient(SuiteTokens);
        services.AddKeyedSingleton(SuiteTokens, (sp, _) => new ClientCredentialTokens(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(SuiteTokens),
            sp.GetRequiredService<IOptionsMonitor<TokenClientOptions>>().Get(SuiteTokens),
            sp.GetRequiredService<TimeProvider>()));

        var procedures = new Uri(builder.Configuration[ProceduresAddressKey] ?? "http://_grpc.procedures-api");
        services.AddGrpcClient<DossierService.DossierServiceClient>(o => o.Address = procedures)
            .AddCallCredentials(async (_, metadata, sp) =>
            {
                var token = await sp.GetRequiredKeyedService<ClientCredentialTokens>(SuiteTokens).GetAsync(CancellationToken.None);
                metadata.Add("Authorization", $"Bearer {token}");
            })
            // Plain h2c inside the platform (the gateway terminates TLS); the token still goes with every call.
            .ConfigureChannel(o => o.UnsafeUseInsecureChannelCallCredentials = true);
    }
}
