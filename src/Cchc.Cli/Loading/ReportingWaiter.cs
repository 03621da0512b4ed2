using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Cchc.Cli.Commands;

namespace Cchc.Cli.Loading;

/// <summary>The reporting service's fact counts (GET /api/reports/status).</summary>
internal sealed record ReportingStatus(
    [property: JsonPropertyName("dossiers")] long Dossiers,
    [property: JsonPropertyName("procedureVersions")] long ProcedureVersions,
    [property: JsonPropertyName("feedback")] long Feedback,
    [property: JsonPropertyName("legalDocuments")] long LegalDocuments = 0,
    [property: JsonPropertyName("reviewFindings")] long ReviewFindings = 0,
    [property: JsonPropertyName("documentChecks")] long DocumentChecks = 0,
    [property: JsonPropertyName("autonomyUnits")] long AutonomyUnits = 0,
    [property: JsonPropertyName("autonomyStatuses")] long AutonomyStatuses = 0,
    [property: JsonPropertyName("budgetFigures")] long BudgetFigures = 0,
    [property: JsonPropertyName("unreportedBreakdowns")] long UnreportedBreakdowns = 0,
    [property: JsonPropertyName("units")] long Units = 0,
    [property: JsonPropertyName("unitRevision")] long UnitRevision = 0,
    [property: JsonPropertyName("staffingFacts")] long StaffingFacts = 0,
    [property: JsonPropertyName("egovSubmissions")] long EgovSubmissions = 0,
    [property: JsonPropertyName("egovCapabilityStates")] long EgovCapabilityStates = 0,
    [property: JsonPropertyName("programmeRecords")] long ProgrammeRecords = 0,
    [property: JsonPropertyName("submittedValues")] long SubmittedValues = 0,
    [property: JsonPropertyName("obligations")] long Obligations = 0)
{
    public bool Reached(ReportingStatus expected) =>
        Dossiers >= expected.Dossiers && ProcedureVersions >= expected.ProcedureVersions && Feedback >= expected.Feedback
        && LegalDocuments >= expected.LegalDocuments && ReviewFindings >= expected.ReviewFindings && DocumentChecks >= expected.DocumentChecks
        && AutonomyUnits >= expected.AutonomyUnits && AutonomyStatuses >= expected.AutonomyStatuses && BudgetFigures >= expected.BudgetFigures
        && UnreportedBreakdowns >= expected.UnreportedBreakdowns
        && Units >= expected.Units && UnitRevision >= expected.UnitRevision && StaffingFacts >= expected.StaffingFacts
        && EgovSubmissions >= expected.EgovSubmissions && EgovCapabilityStates >= expected.EgovCapabilityStates
        && ProgrammeRecords >= expected.ProgrammeRecords && SubmittedValues >= expected.SubmittedValues && Obligations >= expected.Obligations;

    public override string ToString() => $"dossiers {Dossiers:N0}, procedure versions {ProcedureVersions:N0}, feedback {Feedback:N0}, "
        + $"legal documents {LegalDocuments:N0}, review findings {ReviewFindings:N0}, checks {DocumentChecks:N0}, "
        + $"autonomy units {AutonomyUnits:N0} with {AutonomyStatuses:N0} statuses, budget figures {BudgetFigures:N0}, unreported cells {UnreportedBreakdowns:N0}, "
        + $"units {Units:N0} (revision {UnitRevision:N0}), staffing facts {StaffingFacts:N0}, "
        + $"e-gov submissions {EgovSubmissions:N0}, capability states {EgovCapabilityStates:N0}, "
        + $"programme records {ProgrammeRecords:N0}, submitted values {SubmittedValues:N0}, obligations {Obligations:N0}";
}

/// <summary>Polls the reporting service's status until its counts reach what was loaded, or fails at the deadline.</summary>
internal sealed class ReportingWaiter(HttpClient http, ProgressWriter progress)
{
    public async Task<TimeSpan> WaitAsync(ReportingStatus expected, TimeSpan timeout, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        ReportingStatus? last = null;
        string? lastError = null;
        while (true)
        {
            try
            {
                last = await http.GetFromJsonAsync<ReportingStatus>("api/reports/status", cancellation);
                lastError = null;
                if (last is not null && last.Reached(expected)) return watch.Elapsed;
            }
            catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or TaskCanceledException && !cancellation.IsCancellationRequested)
            {
                lastError = e.Message;
            }
            if (watch.Elapsed > timeout)
            {
                throw new CommandFailedException($"the reporting service did not catch up within {timeout.TotalSeconds:N0} s: "
                    + $"expected {expected}, last seen {(last?.ToString() ?? "nothing")}{(lastError is null ? "" : $" (last error: {lastError})")}.");
            }
            progress.Every(TimeSpan.FromSeconds(5), () => $"  reporting: {(last?.ToString() ?? lastError ?? "no answer yet")} of {expected}");
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellation);
        }
    }
}
