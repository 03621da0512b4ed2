using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Cchc.Contracts;
using Cchc.Procedures.Api.Grpc;
using Cchc.Testing;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using OrgApi = Cchc.Organisation.Api.Grpc;

namespace Cchc.Resilience.Tests;

/// <summary>
/// The whole suite as <c>./cchc run</c> starts it — the real AppHost: local PostgreSQL and RabbitMQ, every service as its
/// own process under Aspire's orchestrator, the gateway with token validation — on free ports and a throwaway data folder,
/// plus the faults a machine can suffer, applied only to this platform's own processes: a service process killed with
/// SIGKILL by its PID and started again, the broker stopped and started, the database server restarted (fast shutdown).
/// </summary>
public sealed class FaultPlatform : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10); // 4 min seen under load average 25-40 on 2 cores

    /// <summary>How long a restarted process may take to answer again on this shared 2-core machine.</summary>
    public static readonly TimeSpan RecoveryTimeout = TimeSpan.FromMinutes(4);

    private readonly IsolatedPlatform _platform = new("resilience");
    private DistributedApplication? _app;

    /// <summary>The units the scenarios' dossiers are received by, one per government level (codes, founded 2000-01-01).</summary>
    public static readonly IReadOnlyDictionary<GovernmentLevel, string> Units = new Dictionary<GovernmentLevel, string>
    {
        [GovernmentLevel.Province] = "RS-STP",
        [GovernmentLevel.District] = "RS-TD-UBND",
        [GovernmentLevel.Commune] = "RS-BG-UBND",
    };

    /// <summary>One procedure per level, in force since 2000.</summary>
    public static readonly IReadOnlyDictionary<GovernmentLevel, string> Procedures = new Dictionary<GovernmentLevel, string>
    {
        [GovernmentLevel.Province] = "RS.P",
        [GovernmentLevel.District] = "RS.D",
        [GovernmentLevel.Commune] = "RS.C",
    };

    public Uri HttpAddress => _platform.HttpAddress;

    /// <summary>The gateway, with the demo loader's token (a client-credentials client that writes procedures for every unit).</summary>
    public GrpcChannel Channel { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Cchc_AppHost>(_platform.Arguments("CCHC_RESOURCE_CONSOLE=false"));
        builder.Services.AddLogging(logging => logging.AddFilter("Cchc.AppHost.Resources", LogLevel.Warning));
        _app = await builder.BuildAsync();
        using var cts = new CancellationTokenSource(StartTimeout);
        await _app.StartAsync(cts.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.Gateway, cts.Token);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync(ResourceNames.ReportingApi, cts.Token);

        Channel = ChannelFor(await _platform.TokenForAsync("cchc-demo-loader"));
        await RegisterUnitsAsync(cts.Token);
        await CreateProceduresAsync(cts.Token);
    }

    public GrpcChannel ChannelFor(string token) => GrpcChannel.ForAddress(_platform.GrpcAddress, new GrpcChannelOptions
    {
        MaxReceiveMessageSize = 32 * 1024 * 1024,
        HttpHandler = new BearerTokenHandler(token, new SocketsHttpHandler()),
    });

    public Task<string> TokenForAsync(string clientId) => _platform.TokenForAsync(clientId);

    /// <summary>The reporting read model's database, as the AppHost hands it to the reporting service.</summary>
    public async Task<string> ReportingDatabaseAsync() =>
        await _app!.GetConnectionStringAsync(ResourceNames.ReportingDb) ?? throw new InvalidOperationException("no reportingdb connection string");

    /// <summary>The AMQP address of this platform's broker.</summary>
    public async Task<Uri> BrokerAsync() =>
        new(await _app!.GetConnectionStringAsync(ResourceNames.Messaging) ?? throw new InvalidOperationException("no messaging connection string"));

    // --- faults ------------------------------------------------------------------------------------------------------

    /// <summary>
    /// SIGKILL to the service process of <paramref name="resource"/> — found from the PID the orchestrator reports for the
    /// resource (the process itself, or the descendant that runs the service's assembly when the orchestrator started it
    /// through a launcher) — then waits until the orchestrator sees it gone and starts it again.
    /// </summary>
    public async Task KillAndRestartAsync(string resource, string assemblyName)
    {
        var pid = ServiceProcessOf(resource, assemblyName);
        using (var process = Process.GetProcessById(pid))
        {
            process.Kill(entireProcessTree: false); // SIGKILL on Unix
        }
        await WaitForStateAsync(resource, s => KnownResourceStates.TerminalStates.Contains(s), "exited after SIGKILL");
        await StartAsync(resource);
    }

    /// <summary>Stops a resource the way the orchestrator does (SIGTERM: a clean shutdown), waits until it has stopped.</summary>
    public async Task StopAsync(string resource)
    {
        var result = await _app!.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand);
        Assert.True(result.Success, $"stopping {resource}: {result.Message}");
        await WaitForStateAsync(resource, s => KnownResourceStates.TerminalStates.Contains(s), "stopped");
    }

    /// <summary>Starts a stopped resource and waits until its health checks pass.</summary>
    public async Task StartAsync(string resource)
    {
        var result = await _app!.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.StartCommand);
        Assert.True(result.Success, $"starting {resource}: {result.Message}");
        await WaitForStateAsync(resource, s => s == KnownResourceStates.Running, "running again");
        using var cts = new CancellationTokenSource(RecoveryTimeout);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cts.Token);
    }

    /// <summary>Restarts a resource through the orchestrator (PostgreSQL: its fast shutdown, then a new server on the same data).</summary>
    public async Task RestartAsync(string resource)
    {
        var pidBefore = PidOf(resource);
        var result = await _app!.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.RestartCommand);
        Assert.True(result.Success, $"restarting {resource}: {result.Message}");
        await WaitForAsync(e => e.Snapshot.State?.Text == KnownResourceStates.Running && PidIn(e.Snapshot) is { } pid && pid != pidBefore,
            resource, "running as a new process");
        using var cts = new CancellationTokenSource(RecoveryTimeout);
        await _app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cts.Token);
    }

    /// <summary>Whether a backend answers SERVING to grpc.health.v1 through the gateway (routed by x-cchc-service).</summary>
    public async Task<bool> ServingAsync(string service)
    {
        var health = new Health.HealthClient(Channel);
        var response = await health.CheckAsync(new HealthCheckRequest(), new Metadata { { "x-cchc-service", service } },
            deadline: DateTime.UtcNow.AddSeconds(5));
        return response.Status == HealthCheckResponse.Types.ServingStatus.Serving;
    }

    public int PidOf(string resource) =>
        _app!.ResourceNotifications.TryGetCurrentState(resource, out var e) && PidIn(e.Snapshot) is { } pid
            ? pid
            : throw new InvalidOperationException($"the orchestrator reports no process id for {resource}");

    private static int? PidIn(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value switch
        {
            int i => i,
            long l => (int)l,
            string s when int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var i) => i,
            _ => null,
        };

    /// <summary>The deepest process at or under the resource's PID whose command line names <paramref name="assemblyName"/>.</summary>
    private int ServiceProcessOf(string resource, string assemblyName)
    {
        var root = PidOf(resource);
        var children = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(pid);
            }
            catch (IOException)
            {
                // exited meanwhile
            }
        }
        var candidate = -1;
        var queue = new Queue<int>([root]);
        while (queue.TryDequeue(out var pid))
        {
            string commandLine;
            try
            {
                commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue;
            }
            if (commandLine.Contains(assemblyName, StringComparison.Ordinal))
            {
                candidate = pid;
            }
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
            {
                queue.Enqueue(child);
            }
        }
        return candidate > 0 ? candidate : throw new InvalidOperationException($"no process of {assemblyName} under {resource}'s PID {root}");
    }

    private Task WaitForStateAsync(string resource, Func<string?, bool> state, string what) =>
        WaitForAsync(e => state(e.Snapshot.State?.Text), resource, what);

    private async Task WaitForAsync(Func<ResourceEvent, bool> predicate, string resource, string what)
    {
        using var cts = new CancellationTokenSource(RecoveryTimeout);
        try
        {
            await _app!.ResourceNotifications.WaitForResourceAsync(resource, predicate, cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{resource} was not {what} within {RecoveryTimeout.TotalMinutes} min");
        }
    }

    // --- the scenarios' reference data -------------------------------------------------------------------------------

    private static readonly (string Code, string Name, OrgApi.UnitKind Kind, string Parent)[] Registry =
    [
        ("RS-P", "tỉnh Lai Châu", OrgApi.UnitKind.Province, ""),
        ("RS-P-UBND", "UBND tỉnh Lai Châu", OrgApi.UnitKind.PeoplesCommittee, "RS-P"),
        ("RS-STP", "Sở Tư pháp", OrgApi.UnitKind.SpecialisedAgency, "RS-P-UBND"),
        ("RS-TD", "huyện Tam Đường", OrgApi.UnitKind.DistrictLevel, "RS-P"),
        ("RS-TD-UBND", "UBND huyện Tam Đường", OrgApi.UnitKind.PeoplesCommittee, "RS-TD"),
        ("RS-BG", "xã Bản Giang", OrgApi.UnitKind.CommuneLevel, "RS-TD"),
        ("RS-BG-UBND", "UBND xã Bản Giang", OrgApi.UnitKind.PeoplesCommittee, "RS-BG"),
    ];

    /// <summary>The units, through the gateway as the Department of Home Affairs would; then every copy must know them.</summary>
    private async Task RegisterUnitsAsync(CancellationToken cancellation)
    {
        var registry = new OrgApi.UnitRegistryService.UnitRegistryServiceClient(Channel);
        using (var import = registry.ImportChanges(cancellationToken: cancellation))
        {
            foreach (var (code, name, kind, parent) in Registry)
            {
                await import.RequestStream.WriteAsync(new OrgApi.UnitChange
                {
                    Found = new OrgApi.FoundUnitRequest
                    {
                        ChangeId = $"found-{code}", EffectiveOn = "2000-01-01",
                        Unit = new OrgApi.UnitSpec { UnitCode = code, Name = name, Kind = kind, ParentCode = parent },
                    },
                }, cancellation);
            }
            await import.RequestStream.CompleteAsync();
            await import;
        }
        var revision = (await registry.GetRegistryStatusAsync(new OrgApi.GetRegistryStatusRequest(), cancellationToken: cancellation)).Revision;
        var copy = new Cchc.ReferenceData.Grpc.UnitReference.UnitReferenceClient(Channel);
        await Eventually.AssertAsync(async () =>
            (await copy.GetStatusAsync(new Cchc.ReferenceData.Grpc.GetStatusRequest(), new Metadata { { "x-cchc-service", "procedures" } },
                cancellationToken: cancellation)).Revision >= revision,
            TimeSpan.FromMinutes(2), $"the procedures service's copy of the unit registry reaches revision {revision}");
    }

    private async Task CreateProceduresAsync(CancellationToken cancellation)
    {
        var catalogue = new ProcedureCatalogService.ProcedureCatalogServiceClient(Channel);
        foreach (var (level, code) in Procedures)
        {
            await catalogue.CreateProcedureAsync(new CreateProcedureRequest
            {
                Code = code,
                InForceFrom = "2000-01-01",
                Publication = new Publication { DecisionNumber = "1/QĐ-UBND", DecisionDate = "1999-12-20" },
                Attributes = new ProcedureAttributes
                {
                    Name = $"Thủ tục kiểm thử khả năng chịu lỗi {code}", Field = "Hộ tịch", Level = level, ResolvingUnit = "Sở Tư pháp",
                    ReceivingPlace = ReceivingPlace.ProvincialCentre, OnlineLevel = OnlineServiceLevel._3,
                },
            }, cancellationToken: cancellation);
        }
    }

    // --- reading the report and the read model ------------------------------------------------------------------------

    /// <summary>Appendix 3's on-time rate per level for one year, through the gateway (the published report: anonymous).</summary>
    public async Task<IReadOnlyDictionary<GovernmentLevel, double?>> OnTimeRatesAsync(int year)
    {
        using var http = new HttpClient { BaseAddress = HttpAddress, Timeout = TimeSpan.FromSeconds(60) };
        var json = await http.GetStringAsync($"/api/reports/appendices/3?periods={year}");
        using var document = JsonDocument.Parse(json);
        var rates = new Dictionary<GovernmentLevel, double?>();
        foreach (var row in document.RootElement.GetProperty("rows").EnumerateArray())
        {
            var label = row.GetProperty("label").GetString() ?? "";
            GovernmentLevel? level = label switch
            {
                _ when label.StartsWith("Tỷ lệ hồ sơ TTHC cấp tỉnh", StringComparison.Ordinal) => GovernmentLevel.Province,
                _ when label.StartsWith("Tỷ lệ hồ sơ TTHC cấp huyện", StringComparison.Ordinal) => GovernmentLevel.District,
                _ when label.StartsWith("Tỷ lệ hồ sơ TTHC cấp xã", StringComparison.Ordinal) => GovernmentLevel.Commune,
                _ => null,
            };
            if (level is { } l)
            {
                var value = row.GetProperty("values").GetProperty(year.ToString(CultureInfo.InvariantCulture));
                rates[l] = value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
            }
        }
        return rates;
    }

    /// <summary>Scalar query on the reporting database (the read model the report sums).</summary>
    public async Task<long> ReportingScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(await ReportingDatabaseAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync() ?? 0L, CultureInfo.InvariantCulture);
    }

    public async Task ReportingExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await ReportingDatabaseAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        Channel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _platform.DeleteData();
    }
}

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultPlatform>
{
    public const string Name = "faults";

    /// <summary>./cchc test runs this category after the other tests, alone (it needs the cores); ./cchc resilience runs only it.</summary>
    public const string Category = "Resilience";
}
