using System.Diagnostics;
using Cchc.Cli.Auth;
using Cchc.Cli.Demo;
using Cchc.Cli.Demo.Egov;
using Cchc.Cli.Demo.Programme;
using Cchc.Procedures.Api.Grpc;
using Grpc.Core;

namespace Cchc.Cli.Loading;

/// <summary>What <c>demo load</c> needs; <paramref name="Token"/> null = no credentials given, calls carry no token.</summary>
public sealed record DemoLoadOptions(Uri Grpc, Uri Http, TimeSpan WaitTimeout, int BatchSize, TokenRequest? Token = null);

/// <summary>
/// <c>demo load</c>: generates the demo data set and loads it through the gateway's public gRPC API only
/// (catalogue, dossiers, feedback, then the legal register), then waits for the reporting service to catch up.
/// </summary>
internal sealed class DemoLoader(DemoLoadOptions options, TextWriter output, CallInvoker grpc, HttpClient http)
{
    /// <summary>The loader against the gateway's addresses in <paramref name="options"/>.</summary>
    /// <remarks>
    /// With credentials, every gRPC call and every status poll carries <c>authorization: Bearer</c> with a token obtained
    /// from <see cref="DemoLoadOptions.Token"/> at the first call and renewed before it expires (the load outlasts none
    /// of its 15 minutes, but a slow machine or a long wait for the reporting service might).
    /// </remarks>
    public static async Task RunAsync(DemoLoadOptions options, TextWriter output, CancellationToken cancellation)
    {
        using var tokenHttp = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var tokens = options.Token is { } request ? new ClientCredentialTokens(tokenHttp, request, TimeProvider.System) : null;
        if (tokens is null)
        {
            await output.WriteLineAsync("No client secret given (--client-secret, CCHC_CLIENT_SECRET or --clients-file): calling without a token.");
        }
        else
        {
            await output.WriteLineAsync($"Authenticating as client '{options.Token!.ClientId}' at {options.Token.TokenUrl}.");
        }

        using var channel = GrpcConnection.Open(options.Grpc, tokens);
        using var http = new HttpClient(Authenticated(new SocketsHttpHandler(), tokens)) { BaseAddress = options.Http, Timeout = TimeSpan.FromSeconds(15) };
        await new DemoLoader(options, output, channel.CreateCallInvoker(), http).RunAsync(cancellation);
        if (tokens is not null)
        {
            await output.WriteLineAsync($"Tokens obtained for '{options.Token!.ClientId}': {tokens.Obtained}.");
        }
    }

    /// <summary>The handler itself without a token source, else wrapped so every request carries a current token.</summary>
    internal static HttpMessageHandler Authenticated(HttpMessageHandler inner, ClientCredentialTokens? tokens) =>
        tokens is null ? inner : new BearerTokenHandler(tokens) { InnerHandler = inner };

    public async Task RunAsync(CancellationToken cancellation)
    {
        var progress = new ProgressWriter(output);
        var total = Stopwatch.StartNew();
        progress.Line("Generated demo data (synthetic): a Lai Châu unit registry with staffing, a procedure catalogue, one-stop-shop dossiers, feedback, a legal register, units' financial autonomy statuses, e-government submissions and the reform programme's records for 2015 – 31/3/2020.");
        progress.Line("Names are modelled on real procedures and units; codes, decisions, dossiers and feedback are invented.");
        var data = DemoDataSet.Create();
        progress.Line($"Generated the catalogue in {total.Elapsed.TotalSeconds:N1} s: {DemoDescription.Catalogue(data)}");

        // The unit registry first: every other step records facts against its units (the services' local copies of it
        // refuse facts for units that did not exist on the fact's day).
        var step = Stopwatch.StartNew();
        var organisation = data.Organisation;
        progress.Line($"[1/9] Organisation registry: {organisation.Changes.Count:N0} dated unit changes 2004–2025, {organisation.Staffing.Count:N0} staffing facts ...");
        var units = await new OrganisationLoader(grpc).LoadAsync(organisation, cancellation);
        progress.Line($"[1/9] Organisation registry: {units.Applied:N0} changes applied, {units.AlreadyRecorded:N0} already recorded, "
            + $"{units.Status.Units:N0} units at revision {units.Status.Revision:N0}; staffing {units.Staffing.Inserted:N0} inserted, "
            + $"{units.Staffing.Updated:N0} updated, {units.Staffing.Unchanged:N0} unchanged ({units.Elapsed.TotalSeconds:N1} s)");

        // The services' local copies of the registry must hold this revision before facts are recorded against its units.
        var synced = await new ReferenceWaiter(grpc, progress)
            .WaitAsync(units.Status.Revision, ReferenceWaiter.DomainServices, options.WaitTimeout, cancellation);
        progress.Line($"[1/9] Unit reference data at revision {units.Status.Revision:N0} in {string.Join(", ", ReferenceWaiter.DomainServices)} "
            + $"({synced.TotalSeconds:N1} s)");

        step.Restart();
        progress.Line($"[2/9] Catalogue via {options.Grpc} ...");
        var catalogue = await new CatalogueLoader(new ProcedureCatalogService.ProcedureCatalogServiceClient(grpc), progress)
            .LoadAsync(data.Catalogue, cancellation);
        progress.Line($"[2/9] Catalogue: {catalogue.Procedures:N0} procedures, {catalogue.Applied:N0} changes applied, "
            + $"{catalogue.AlreadyPresent:N0} already present ({step.Elapsed.TotalSeconds:N1} s)");

        step.Restart();
        progress.Line($"[3/9] Dossiers: {data.DossierCount:N0} in batches of {options.BatchSize:N0} ...");
        var dossiers = await new DossierLoader(new DossierService.DossierServiceClient(grpc), progress, options.BatchSize)
            .LoadAsync(data, cancellation);
        progress.Line($"[3/9] Dossiers: {dossiers.Sent:N0} sent ({dossiers.Inserted:N0} inserted, {dossiers.Unchanged:N0} unchanged), "
            + $"{dossiers.Skipped:N0} already present; {data.LateCount:N0} resolved late in all "
            + $"({step.Elapsed.TotalSeconds:N1} s, {DossierLoader.Rate(dossiers.Sent, dossiers.Elapsed)})");

        step.Restart();
        var feedback = await new FeedbackLoader(new FeedbackService.FeedbackServiceClient(grpc)).LoadAsync(data.Feedback, cancellation);
        progress.Line($"[4/9] Feedback: {feedback.Items} items, {feedback.StepsApplied} steps applied ({step.Elapsed.TotalSeconds:N1} s)");

        step.Restart();
        var register = data.Legal;
        progress.Line($"[5/9] Legal register: {register.Documents.Count:N0} documents with {register.EventCount:N0} lifecycle events, "
            + $"{register.Findings.Count:N0} review findings, {register.Checks.Count:N0} checks ...");
        var legal = await new LegalLoader(grpc).LoadAsync(register, cancellation);
        progress.Line($"[5/9] Legal register: {legal.Import.Inserted:N0} documents inserted, {legal.Import.Unchanged:N0} already present, "
            + $"{legal.Rounds} review rounds, {legal.Findings:N0} findings, {legal.Checks:N0} checks ({legal.Elapsed.TotalSeconds:N1} s)");
        foreach (var period in legal.Periods)
        {
            progress.Line($"      systematisation {period.PeriodId} ({period.From} – {period.To}), computed: {LegalLoader.Describe(period.Counts)}");
        }

        step.Restart();
        var finance = data.Finance;
        progress.Line($"[6/9] Public finance (generated statuses of registry units): {finance.UnitCount:N0} units with {finance.Statuses.Count:N0} statuses, "
            + $"{finance.Unreported.Count} breakdown cells the source did not report, {finance.Figures.Count} budget figures ...");
        var financeLoad = await new FinanceLoader(grpc).LoadAsync(finance, cancellation);
        progress.Line($"[6/9] Public finance: {financeLoad.Statuses.Inserted:N0} statuses inserted, {financeLoad.Statuses.Unchanged:N0} already present, "
            + $"{financeLoad.Unreported.Inserted} unreported cells declared ({financeLoad.Unreported.Unchanged} already), "
            + $"{financeLoad.Figures.Inserted} budget figures inserted ({financeLoad.Figures.Unchanged} already) ({financeLoad.Elapsed.TotalSeconds:N1} s)");

        step.Restart();
        var egov = data.Egov;
        var egovLoaded = await new EgovLoader(grpc).LoadAsync(egov, cancellation);
        progress.Line($"[7/9] E-government data (generated): {egov.Metrics.Count} metric submissions ({egovLoaded.Submissions.Inserted} inserted, "
            + $"{egovLoaded.Submissions.Unchanged} unchanged), {egov.Capabilities.Count} capability states ({egovLoaded.Capabilities.Inserted} inserted, "
            + $"{egovLoaded.Capabilities.Unchanged} unchanged) ({egovLoaded.Elapsed.TotalSeconds:N1} s)");

        var programme = ProgrammeDemo.Create();
        var programmeLoaded = await new ProgrammeLoader(grpc).LoadAsync(programme, cancellation);
        progress.Line($"[8/9] Reform programme (Appendix 1 and Appendix 3 rows 2–3 as in the source): {programme.Records.Count} records "
            + $"({programmeLoaded.Records.Inserted} inserted, {programmeLoaded.Records.Unchanged} unchanged), {programme.Values.Count} submitted values "
            + $"({programmeLoaded.Values.Inserted} inserted), {programme.Obligations.Count} obligations ({programmeLoaded.Obligations.Inserted} inserted) "
            + $"({programmeLoaded.Elapsed.TotalSeconds:N1} s)");

        step.Restart();
        var expected = new ReportingStatus(data.DossierCount, data.Catalogue.Changes.Count, data.Feedback.Count,
            register.Documents.Count, register.Findings.Count, register.Checks.Count,
            AutonomyUnits: finance.UnitCount, AutonomyStatuses: finance.Statuses.Count, BudgetFigures: finance.Figures.Count,
            UnreportedBreakdowns: finance.Unreported.Count,
            Units: units.Status.Units, UnitRevision: units.Status.Revision, StaffingFacts: OrganisationLoader.StaffingFacts(organisation),
            EgovSubmissions: egov.Metrics.Count, EgovCapabilityStates: egov.Capabilities.Count,
            ProgrammeRecords: programme.Records.Count, SubmittedValues: programme.Values.Count, Obligations: programme.Obligations.Count);
        progress.Line($"[9/9] Waiting for the reporting service ({options.Http}) to count {expected} ...");
        var waited = await new ReportingWaiter(http, progress).WaitAsync(expected, options.WaitTimeout, cancellation);
        progress.Line($"[9/9] Reporting caught up in {waited.TotalSeconds:N1} s");
        progress.Line($"[9/9] Published report: {await LoadPublishedReportAsync(cancellation)}");

        progress.Line($"Done in {total.Elapsed:hh\\:mm\\:ss\\.f}: {data.DossierCount:N0} dossiers, "
            + $"{dossiers.Sent:N0} sent at {DossierLoader.Rate(dossiers.Sent, total.Elapsed)} overall.");
    }

    /// <summary>
    /// Loads the source report's tables (the reference dataset, embedded) as published values (PUT /api/reports/published),
    /// so the reconciliation and validation pages show the platform's figures beside the printed ones and the printed
    /// report's own contradictions.
    /// </summary>
    private async Task<string> LoadPublishedReportAsync(CancellationToken cancellation)
    {
        await using var stream = typeof(DemoLoader).Assembly.GetManifestResourceStream("Cchc.Cli.Demo.published-report.json")
            ?? throw new InvalidOperationException("The published report resource is missing from the CLI.");
        using var content = new StreamContent(stream);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await http.PutAsync("api/reports/published", content, cancellation);
        var body = await response.Content.ReadAsStringAsync(cancellation);
        return response.IsSuccessStatusCode
            ? body
            : throw new InvalidOperationException($"Loading the published report failed: {(int)response.StatusCode} {body}");
    }
}
