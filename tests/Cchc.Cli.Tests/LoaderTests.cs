using Cchc.Cli.Commands;
using Cchc.Cli.Demo;
using Cchc.Cli.Loading;
using Cchc.Cli.Tests.Fakes;
using Grpc.Core;

namespace Cchc.Cli.Tests;

[Collection(DemoFactsCollection.Name)]
public sealed class LoaderTests(DemoFacts facts)
{
    private static readonly DemoLoadOptions Options = new(new Uri("http://gateway.test:7400"), new Uri("http://gateway.test:7401"),
        TimeSpan.FromSeconds(20), 50_000);

    [Fact]
    public async Task DemoLoad_InterruptedTwice_ResumesWithoutWritingAnythingTwice_AndARerunChangesNothing()
    {
        var service = new FakeProceduresService { FailCatalogueWriteIn = 1_500 };
        using var http = service.ReportingClient();
        var data = facts.Data;

        // 1. Interrupted in the catalogue.
        var error = await Assert.ThrowsAsync<CommandFailedException>(() => Load(service, http));
        Assert.Contains("Unavailable", error.Message);
        Assert.Equal(0, service.DossierCount);

        // 2. Resumes the catalogue, interrupted in the third dossier import call.
        service.FailImportCall = service.ImportCalls + 3;
        await Assert.ThrowsAsync<CommandFailedException>(() => Load(service, http));
        Assert.Equal(data.Catalogue.Changes.Count, service.ProcedureVersions);
        Assert.Equal(data.Catalogue.Changes.Count, service.CatalogueWrites);
        Assert.Equal(2 * Options.BatchSize, service.DossierCount);

        // 3. Completes: every dossier once, nothing re-sent that the service already had.
        var output = await Load(service, http);
        Assert.Equal(data.DossierCount, service.DossierCount);
        Assert.Equal(data.DossierCount, service.DossiersInserted);
        Assert.Equal(0, service.DossiersUnchanged);
        Assert.Equal(3 * data.Feedback.Count, service.FeedbackWrites);
        Assert.Contains("Reporting caught up", output);
        // Last, the source report's tables as published values (for reconciliation): the reference dataset's appendices.
        var published = Assert.Single(service.PublishedReports);
        Assert.Equal(7, published.RootElement.GetProperty("appendices").GetArrayLength());
        Assert.Contains("Unit reference data at revision", output);
        var legal = data.Legal;
        Assert.Equal(legal.Documents.Count + legal.Findings.Count + legal.Checks.Count, service.LegalWrites);
        var finance = data.Finance;
        var financeWrites = finance.Statuses.Count + finance.Unreported.Count + finance.Figures.Count;
        Assert.Equal(financeWrites, service.FinanceWrites);

        Assert.Equal(data.Organisation.Changes.Count, service.UnitChanges);
        Assert.Equal(data.Organisation.Staffing.Count, service.StaffingItems);
        var egov = data.Egov;
        Assert.Equal(egov.Metrics.Count + egov.Capabilities.Count, service.EgovWrites);

        // 4. A rerun writes nothing and skips every period without sending a dossier.
        var calls = service.ImportCalls;
        output = await Load(service, http);
        Assert.Equal(calls, service.ImportCalls);
        Assert.Equal(data.Catalogue.Changes.Count, service.CatalogueWrites);
        Assert.Equal(3 * data.Feedback.Count, service.FeedbackWrites);
        Assert.Equal(legal.Documents.Count + legal.Findings.Count + legal.Checks.Count, service.LegalWrites);
        Assert.Equal(financeWrites, service.FinanceWrites);
        Assert.Equal(egov.Metrics.Count + egov.Capabilities.Count, service.EgovWrites);
        Assert.Equal(data.Plans.Count, output.Split('\n').Count(l => l.Contains("dossiers already present", StringComparison.Ordinal)));
        Assert.Contains($"0 changes applied, {data.Organisation.Changes.Count:N0} already recorded", output);
    }

    [Fact]
    public async Task ReportingWaiter_WhenTheCountsNeverArrive_FailsAtTheDeadlineWithWhatItSaw()
    {
        var service = new FakeProceduresService();
        using var http = service.ReportingClient();
        var waiter = new ReportingWaiter(http, new ProgressWriter(TextWriter.Null));
        var error = await Assert.ThrowsAsync<CommandFailedException>(() =>
            waiter.WaitAsync(new ReportingStatus(10, 5, 1), TimeSpan.FromSeconds(1), CancellationToken.None));
        Assert.Contains("did not catch up", error.Message);
        Assert.Contains("dossiers 0", error.Message);
    }

    [Fact]
    public async Task ReportingWaiter_WhenTheServiceIsDown_FailsAtTheDeadlineWithTheLastError()
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/"), Timeout = TimeSpan.FromSeconds(2) };
        var waiter = new ReportingWaiter(http, new ProgressWriter(TextWriter.Null));
        var error = await Assert.ThrowsAsync<CommandFailedException>(() =>
            waiter.WaitAsync(new ReportingStatus(1, 1, 1), TimeSpan.FromSeconds(1), CancellationToken.None));
        Assert.Contains("last error", error.Message);
    }

    private static async Task<string> Load(FakeProceduresService service, HttpClient http)
    {
        var output = new StringWriter();
        await new DemoLoader(Options, output, service, http).RunAsync(CancellationToken.None);
        return output.ToString();
    }
}
