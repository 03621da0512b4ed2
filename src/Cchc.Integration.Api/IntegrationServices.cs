using Cchc.Client;
using Cchc.Integration.Api.Domain;
using Cchc.Integration.Api.Exchange;
using Cchc.Integration.Api.Inbound;
using Cchc.Procedures.Api.Grpc;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

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
            sp.GetRequiredService<IOptionsMonitor<TokenClientOptions>>().Get(SuiteTokens).ToRequest,
            sp.GetRequiredService<TimeProvider>()));

        AddNationalPlatform(builder);

        var procedures = new Uri(builder.Configuration[ProceduresAddressKey] ?? "http://_grpc.procedures-api");
        AsTheAdapter(services.AddGrpcClient<DossierService.DossierServiceClient>(o => o.Address = procedures));
        AsTheAdapter(services.AddGrpcClient<ProcedureCatalogService.ProcedureCatalogServiceClient>(o => o.Address = procedures));
        services.AddScoped<CatalogueSync>();
    }

    /// <summary>Calls carry the adapter's own token from the suite's token service.</summary>
    private static void AsTheAdapter(IHttpClientBuilder client) => client
        .AddCallCredentials(async (_, metadata, sp) =>
        {
            var token = await sp.GetRequiredKeyedService<ClientCredentialTokens>(SuiteTokens).GetAsync(CancellationToken.None);
            metadata.Add("Authorization", $"Bearer {token}");
        })
        // Plain h2c inside the platform (the gateway terminates TLS); the token still goes with every call.
        .ConfigureChannel(o => o.UnsafeUseInsecureChannelCallCredentials = true);

    /// <summary>
    /// The NGSP: its token (own cache), its HTTP client with the standard resilience handler configured for a national
    /// endpoint (section Integration:Ngsp:Resilience overrides), the exchange and the dead letters.
    /// </summary>
    private static void AddNationalPlatform(IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(NationalPlatformOptions.Section);
        services.Configure<NationalPlatformOptions>(section);
        const string name = NationalPlatformOptions.HttpClientName;
        services.AddHttpClient($"{name}-token");
        services.AddKeyedSingleton(name, (sp, _) => new ClientCredentialTokens(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient($"{name}-token"),
            sp.GetRequiredService<IOptions<NationalPlatformOptions>>().Value.Token.ToRequest,
            sp.GetRequiredService<TimeProvider>()));

        // The service defaults give every client the standard handler with its defaults; this one's are the national
        // endpoint's (docs/integration.md, "Failure handling"), so it replaces them.
#pragma warning disable EXTEXP0001 // RemoveAllResilienceHandlers is marked experimental; it is the documented way to replace the default handler.
        services.AddHttpClient(name).RemoveAllResilienceHandlers().AddStandardResilienceHandler(o =>
        {
            o.AttemptTimeout.Timeout = TimeSpan.FromSeconds(10);
            o.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(60);
            o.Retry.MaxRetryAttempts = 4;
            o.Retry.BackoffType = DelayBackoffType.Exponential;
            o.Retry.UseJitter = true;
            o.Retry.Delay = TimeSpan.FromSeconds(1);
            // POSTs are retried too (the standard handler's default): every named service the adapter sends is
            // idempotent by its content (a report by its period, a lookup by its code).
            o.CircuitBreaker.MinimumThroughput = 5;
            o.CircuitBreaker.FailureRatio = 0.5;
            o.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(30);
            o.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(30);
            section.GetSection("Resilience").Bind(o);
        });
#pragma warning restore EXTEXP0001
        services.AddSingleton<NationalExchange>();
        services.AddScoped<DeadLetters>();

        services.Configure<ReportOptions>(builder.Configuration.GetSection(ReportOptions.Section));
        services.AddHttpClient(ReportOptions.ReportingClient);
        services.AddScoped<ReportSubmissions>();
        services.AddHostedService<ReportSender>();
    }
}
