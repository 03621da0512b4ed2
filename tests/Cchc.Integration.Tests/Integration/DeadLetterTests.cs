using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Cchc.Integration.Api.Exchange;
using Cchc.Integration.Api.Grpc;
using Cchc.NationalSimulator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cchc.Integration.Tests.Integration;

/// <summary>
/// Dead letters against the simulator of the national side (hosted in-process as the adapter's NGSP): a letter stays in
/// the list while the reporting system fails, is delivered by a replay once it is back, and its report submission takes
/// the receipt.
/// </summary>
[Collection(IntegrationServiceCollection.Name)]
public sealed class DeadLetterTests(IntegrationService service) : IAsyncLifetime
{
    private WebApplicationFactory<SimulatorEntryPoint> _simulator = null!;
    private WebApplicationFactory<Program> _adapter = null!;

    public Task InitializeAsync()
    {
        _simulator = new WebApplicationFactory<SimulatorEntryPoint>().WithWebHostBuilder(web =>
        {
            web.UseFreeKestrelPorts();
            web.UseSetting("Simulator:Clients:cchc-test", "test-secret");
            web.UseSetting("Logging:LogLevel:Default", "Warning");
        });
        _adapter = service.Factory.WithWebHostBuilder(web =>
        {
            web.UseSetting("Integration:Ngsp:ServiceAddress", "http://ngsp.test/ngsp/dvcqg");
            web.UseSetting("Integration:Ngsp:Token:TokenEndpoint", "http://ngsp.test/oauth2/token");
            web.UseSetting("Integration:Ngsp:Token:ClientId", "cchc-test");
            web.UseSetting("Integration:Ngsp:Token:ClientSecret", "test-secret");
            web.UseSetting("Integration:Ngsp:Resilience:Retry:MaxRetryAttempts", "1");
            web.UseSetting("Integration:Ngsp:Resilience:Retry:Delay", "00:00:00.050");
            web.ConfigureServices(s =>
            {
                s.AddHttpClient(NationalPlatformOptions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => _simulator.Server.CreateHandler());
                s.AddHttpClient($"{NationalPlatformOptions.HttpClientName}-token").ConfigurePrimaryHttpMessageHandler(() => _simulator.Server.CreateHandler());
            });
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _adapter.DisposeAsync();
        await _simulator.DisposeAsync();
    }

    [Fact]
    public async Task ALetter_StaysWhileTheOtherSideFails_AndAReplayDeliversIt()
    {
        using var control = _simulator.CreateClient();
        const string period = "2023";
        await using (var scope = _adapter.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Cchc.Integration.Api.Data.IntegrationDbContext>();
            db.ReportSubmissions.Add(new Cchc.Integration.Api.Data.ReportSubmissionEntity
            {
                Period = period, Status = "dead-letter", Payload = """{"kyBaoCao":"2023","donVi":"000.00.00.H22","chiTieu":[]}""",
                Attempts = 20, CreatedAt = DateTimeOffset.UtcNow, NextAttemptAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        Guid id;
        await using (var scope = _adapter.Services.CreateAsyncScope())
        {
            var letters = scope.ServiceProvider.GetRequiredService<DeadLetters>();
            id = (await letters.AddAsync(ReportSubmissions.Operation, $"report:{period}",
                JsonNode.Parse("""{"kyBaoCao":"2023","donVi":"000.00.00.H22","chiTieu":[]}""")!.AsObject(), "503", 20, default)).Id;
        }
        var client = new DeadLetterService.DeadLetterServiceClient(service.ChannelFor(service.Issuer.CreateToken("operator", ["integration.read", "integration.write"], ["*"])));
        Assert.Contains((await client.ListDeadLettersAsync(new ListDeadLettersRequest())).DeadLetters, l => l.Id == id.ToString());

        // Still failing: the replay leaves it in the list with the new error.
        await control.PostAsJsonAsync("/simulator/reporting/outage", new { failures = 2 });
        await using (var scope = _adapter.Services.CreateAsyncScope())
        {
            var (failed, _) = await scope.ServiceProvider.GetRequiredService<DeadLetters>().ReplayAsync(id, default);
            Assert.Null(failed!.DeliveredAt);
            Assert.Equal(21, failed.Attempts);
            Assert.Contains("503", failed.LastError);
        }

        // Back: the replay delivers it, and the report submission takes the receipt.
        await using (var scope = _adapter.Services.CreateAsyncScope())
        {
            var (delivered, answer) = await scope.ServiceProvider.GetRequiredService<DeadLetters>().ReplayAsync(id, default);
            Assert.NotNull(delivered!.DeliveredAt);
            Assert.Equal(0, answer!.Value.GetProperty("error_code").GetInt32());
        }
        Assert.DoesNotContain((await client.ListDeadLettersAsync(new ListDeadLettersRequest())).DeadLetters, l => l.Id == id.ToString());
        Assert.Contains((await client.ListDeadLettersAsync(new ListDeadLettersRequest { IncludeDelivered = true })).DeadLetters, l => l.Id == id.ToString());
        var submission = await new ReportSubmissionService.ReportSubmissionServiceClient(service.ChannelFor(service.Issuer.CreateToken("operator", ["integration.read"], ["*"])))
            .GetReportSubmissionAsync(new GetReportSubmissionRequest { Period = period });
        Assert.Equal("acknowledged", submission.Status);
        Assert.StartsWith("BN-2023-", submission.Receipt, StringComparison.Ordinal);

        // Both exchanges are in the message log, the failed one and the delivered one.
        var outbound = (await service.Log.ListMessagesAsync(new ListMessagesRequest { PageSize = 2 })).Messages;
        Assert.Equal(["delivered", "failed"], outbound.Select(m => m.Status.Split(' ', ':')[0]));
    }
}
