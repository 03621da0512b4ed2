using System.Net;
using System.Text;
using Cchc.Procedures.Api.Grpc;
using Grpc.Core;
using FinanceApi = Cchc.Finance.Api.Grpc;
using EgovApi = Cchc.Egov.Api.Grpc;
using ProgrammeApi = Cchc.Programme.Api.Grpc;
using LegalApi = Cchc.Legal.Api.Grpc;
using OrgApi = Cchc.Organisation.Api.Grpc;

namespace Cchc.Cli.Tests.Fakes;

/// <summary>
/// An in-memory stand-in for the procedures API behind the gateway (no server): a gRPC <see cref="CallInvoker"/>
/// with the API's rules that matter to a loader (versions per code, amendments not before the current version,
/// nothing after an abolition, dossiers keyed by id, all-or-nothing imports), plus the reporting status
/// endpoint counting what it holds. It records every write so tests can see what a run changed. The legal API is
/// stood in for too (documents imported by id, findings by round and document, checks by id: writes are upserts).
/// </summary>
internal sealed class FakeProceduresService : CallInvoker
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<Procedure>> _procedures = [];
    private readonly HashSet<string> _dossiers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Feedback> _feedback = [];
    private readonly HashSet<string> _legalDocuments = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), LegalApi.ReviewFinding> _findings = [];
    private readonly Dictionary<string, LegalApi.DocumentCheck> _checks = new(StringComparer.Ordinal);
    private readonly HashSet<(string Unit, string From)> _statuses = [];
    private readonly HashSet<(int, int, int)> _unreported = [];
    private readonly HashSet<string> _figures = new(StringComparer.Ordinal);

    /// <summary>Finance writes that changed something (statuses, unreported cells, budget figures).</summary>
    public int FinanceWrites { get; private set; }

    public int LegalWrites { get; private set; }
    public int EgovWrites { get; private set; }
    private readonly HashSet<string> _egovSubmissions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _egovCapabilities = new(StringComparer.Ordinal);
    private readonly HashSet<string> _programmeRecords = new(StringComparer.Ordinal);
    private readonly HashSet<string> _submittedValues = new(StringComparer.Ordinal);
    private readonly HashSet<string> _obligations = new(StringComparer.Ordinal);

    // The organisation service: change ids recorded, units founded, staffing keys; one revision per import that applied something.
    private readonly HashSet<string> _unitChanges = new(StringComparer.Ordinal);
    private readonly HashSet<string> _units = new(StringComparer.Ordinal);
    private readonly HashSet<string> _staffing = new(StringComparer.Ordinal);
    private long _unitRevision;

    public int UnitChanges { get { lock (_lock) return _unitChanges.Count; } }
    public int StaffingItems { get { lock (_lock) return _staffing.Count; } }

    public int CatalogueWrites { get; private set; }
    public long DossiersInserted { get; private set; }
    public long DossiersUnchanged { get; private set; }
    public int ImportCalls { get; private set; }
    public int FeedbackWrites { get; private set; }

    /// <summary>The import call (1-based) that fails once with UNAVAILABLE, writing nothing.</summary>
    public int? FailImportCall { get; set; }

    /// <summary>The catalogue write (1-based, counted from now) that fails once with UNAVAILABLE.</summary>
    public int? FailCatalogueWriteIn { get; set; }

    public int ProcedureVersions { get { lock (_lock) return _procedures.Values.Sum(v => v.Count); } }
    public int DossierCount { get { lock (_lock) return _dossiers.Count; } }

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host,
        CallOptions options, TRequest request)
    {
        Task<TResponse> response;
        try
        {
            lock (_lock) response = Task.FromResult((TResponse)Handle(method.Name, request!));
        }
        catch (RpcException e)
        {
            response = Task.FromException<TResponse>(e);
        }
        return new AsyncUnaryCall<TResponse>(response, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        Method<TRequest, TResponse> method, string? host, CallOptions options)
    {
        if (method.Name is not ("ImportDossiers" or "ImportDocuments" or "ImportChanges" or "ImportStaffing" or "ImportStatuses" or "ImportBudgetFigures" or "ImportSubmissions" or "ImportCapabilityStates"
            or "ImportProgrammeRecords" or "ImportSubmittedValues" or "ImportObligations"))
        {
            throw new RpcException(new Status(StatusCode.Unimplemented, method.Name));
        }
        var writer = new RecordWriter<TRequest>();
        var response = writer.Completed.ContinueWith(t => method.Name switch
            {
                "ImportDocuments" => (TResponse)(object)ImportDocuments(t.Result.Cast<LegalApi.DocumentRecord>().ToList()),
                "ImportStatuses" => (TResponse)(object)ImportFinance(t.Result.Cast<FinanceApi.AutonomyStatus>().Select(r => _statuses.Add((r.Unit, r.EffectiveFrom))).ToList()),
                "ImportBudgetFigures" => (TResponse)(object)ImportFinance(t.Result.Cast<FinanceApi.BudgetFigure>().Select(r => _figures.Add(r.FigureId)).ToList()),
                "ImportChanges" => (TResponse)(object)ImportChanges(t.Result.Cast<OrgApi.UnitChange>().ToList()),
                "ImportStaffing" => (TResponse)(object)ImportStaffing(t.Result.Cast<OrgApi.StaffingItem>().ToList()),
                "ImportSubmissions" => (TResponse)(object)ImportEgov(_egovSubmissions,
                    t.Result.Cast<EgovApi.MetricValue>().Select(m => $"{m.SourceSystem}|{m.Unit}|{m.Metric}|{m.PeriodFrom}|{m.PeriodTo}").ToList()),
                "ImportCapabilityStates" => (TResponse)(object)ImportEgov(_egovCapabilities,
                    t.Result.Cast<EgovApi.CapabilityStateRecord>().Select(c => $"{c.Unit}|{c.Capability}|{c.EffectiveFrom}").ToList()),
                "ImportProgrammeRecords" => (TResponse)(object)ImportProgramme(_programmeRecords,
                    t.Result.Cast<ProgrammeApi.ProgrammeRecord>().Select(r => $"{r.ReportingUnit}|{r.Key}").ToList()),
                "ImportSubmittedValues" => (TResponse)(object)ImportProgramme(_submittedValues,
                    t.Result.Cast<ProgrammeApi.SubmittedValue>().Select(v => $"{v.Indicator}|{v.Unit}|{v.PeriodFrom}|{v.PeriodTo}").ToList()),
                "ImportObligations" => (TResponse)(object)ImportProgramme(_obligations,
                    t.Result.Cast<ProgrammeApi.Obligation>().Select(o => $"{o.Unit}|{o.Indicator}|{o.RecordKind}|{o.PeriodFrom}|{o.PeriodTo}").ToList()),
                _ => (TResponse)(object)Import(t.Result.Cast<DossierRecord>().ToList()),
            },
            TaskContinuationOptions.ExecuteSynchronously);
        return new AsyncClientStreamingCall<TRequest, TResponse>(writer, response, Task.FromResult(new Metadata()),
            () => Status.DefaultSuccess, () => [], () => { });
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new NotSupportedException();

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host,
        CallOptions options, TRequest request) => throw new NotSupportedException();

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method,
        string? host, CallOptions options) => throw new NotSupportedException();

    /// <summary>GET /api/reports/status as the reporting service answers it once it has consumed everything.</summary>
    /// <summary>The published reports uploaded (PUT /api/reports/published), in order.</summary>
    public List<System.Text.Json.JsonDocument> PublishedReports { get; } = [];

    public HttpClient ReportingClient() => new(new StatusHandler(this)) { BaseAddress = new Uri("http://reporting.test/") };

    private object Handle(string name, object request) => (name, request) switch
    {
        ("GetProcedureHistory", GetProcedureHistoryRequest r) => new ProcedureHistory { Versions = { Versions(r.Code) } },
        ("CreateProcedure", CreateProcedureRequest r) => Create(r),
        ("AmendProcedure", AmendProcedureRequest r) => Append(r.Code, r.EffectiveFrom, p => p.Attributes = r.Attributes),
        ("AbolishProcedure", AbolishProcedureRequest r) => Append(r.Code, r.AbolishedOn, p => p.AbolishedOn = r.AbolishedOn),
        ("GetDossier", GetDossierRequest r) => _dossiers.Contains(r.DossierId)
            ? new Dossier { Record = new DossierRecord { DossierId = r.DossierId } }
            : throw NotFound(r.DossierId),
        ("GetFeedback", GetFeedbackRequest r) => _feedback.TryGetValue(r.FeedbackId, out var f) ? f.Clone() : throw NotFound(r.FeedbackId),
        ("ReceiveFeedback", ReceiveFeedbackRequest r) => WriteFeedback(r.FeedbackId, f => f.ReceivedAt ??= r.ReceivedAt, create: true),
        ("ResolveFeedback", FeedbackStepRequest r) => WriteFeedback(r.FeedbackId, f => f.ResolvedAt = r.At),
        ("PublishFeedbackAnswer", FeedbackStepRequest r) => WriteFeedback(r.FeedbackId, f => f.PublishedAt = r.At),
        ("CreateReviewRound", LegalApi.CreateReviewRoundRequest r) => r.Round,
        ("GetRegistryStatus", OrgApi.GetRegistryStatusRequest) => new OrgApi.RegistryStatus { Revision = _unitRevision, Units = _units.Count },
        // Every service's copy of the registry (cchc.reference.v1): at once at the registry's revision.
        ("GetStatus", Cchc.ReferenceData.Grpc.GetStatusRequest) => new Cchc.ReferenceData.Grpc.GetStatusResponse { Revision = _unitRevision, Units = _units.Count },
        ("RecordReviewFinding", LegalApi.RecordReviewFindingRequest r) => Upsert(_findings, (r.Finding.RoundId, r.Finding.DocumentId), r.Finding),
        ("RecordCheck", LegalApi.RecordCheckRequest r) => Upsert(_checks, r.Check.CheckId, r.Check),
        ("CreateSystematisationPeriod", LegalApi.CreateSystematisationPeriodRequest r) => new LegalApi.SystematisationPeriod(r.Period) { Counts = new() },
        ("DeclareUnreportedBreakdowns", FinanceApi.DeclareUnreportedBreakdownsRequest r) => Declare(r),
        _ => throw new RpcException(new Status(StatusCode.Unimplemented, name)),
    };

    private T Upsert<TKey, T>(Dictionary<TKey, T> store, TKey key, T value) where TKey : notnull where T : class
    {
        if (!store.TryGetValue(key, out var existing) || !existing.Equals(value))
        {
            store[key] = value;
            LegalWrites++;
        }
        return value;
    }

    private FinanceApi.DeclareUnreportedBreakdownsResponse Declare(FinanceApi.DeclareUnreportedBreakdownsRequest request)
    {
        var inserted = request.Items.Count(i => _unreported.Add((i.Year, (int)i.ParentKind, (int)i.Level)));
        FinanceWrites += inserted;
        return new FinanceApi.DeclareUnreportedBreakdownsResponse { Inserted = inserted, Unchanged = request.Items.Count - inserted };
    }

    /// <summary>An import whose records were each added (true) or already present (false).</summary>
    private FinanceApi.ImportResponse ImportFinance(List<bool> added)
    {
        lock (_lock)
        {
            var inserted = added.Count(a => a);
            FinanceWrites += inserted;
            return new FinanceApi.ImportResponse { Records = added.Count, Inserted = inserted, Unchanged = added.Count - inserted };
        }
    }

    private OrgApi.ImportChangesResponse ImportChanges(List<OrgApi.UnitChange> changes)
    {
        lock (_lock)
        {
            var applied = 0;
            foreach (var change in changes)
            {
                var id = change.ChangeCase switch
                {
                    OrgApi.UnitChange.ChangeOneofCase.Found => change.Found.ChangeId,
                    OrgApi.UnitChange.ChangeOneofCase.Rename => change.Rename.ChangeId,
                    OrgApi.UnitChange.ChangeOneofCase.Move => change.Move.ChangeId,
                    OrgApi.UnitChange.ChangeOneofCase.Dissolve => change.Dissolve.ChangeId,
                    OrgApi.UnitChange.ChangeOneofCase.Merge => change.Merge.ChangeId,
                    OrgApi.UnitChange.ChangeOneofCase.Split => change.Split.ChangeId,
                    _ => change.AbolishLevel.ChangeId,
                };
                if (_unitChanges.Add(id))
                {
                    applied++;
                    if (change.ChangeCase == OrgApi.UnitChange.ChangeOneofCase.Found) _units.Add(change.Found.Unit.UnitCode);
                    if (change.ChangeCase == OrgApi.UnitChange.ChangeOneofCase.Merge && change.Merge.NewTarget is { } t) _units.Add(t.UnitCode);
                }
            }
            if (applied > 0) _unitRevision++;
            return new OrgApi.ImportChangesResponse { Changes = changes.Count, Applied = applied, AlreadyRecorded = changes.Count - applied, Revision = _unitRevision };
        }
    }

    private OrgApi.StaffingImportResponse ImportStaffing(List<OrgApi.StaffingItem> items)
    {
        lock (_lock)
        {
            var inserted = items.Count(i => _staffing.Add(i.Figure is { } f ? $"{f.UnitCode}|{f.Metric}|{f.From}|{f.To}" : i.Record.RecordId));
            return new OrgApi.StaffingImportResponse { Items = items.Count, Inserted = inserted, Unchanged = items.Count - inserted };
        }
    }

    private LegalApi.ImportDocumentsResponse ImportDocuments(List<LegalApi.DocumentRecord> records)
    {
        lock (_lock)
        {
            var inserted = records.Count(r => _legalDocuments.Add(r.DocumentId));
            LegalWrites += inserted;
            return new LegalApi.ImportDocumentsResponse { Records = records.Count, Inserted = inserted, Unchanged = records.Count - inserted };
        }
    }

    private ProgrammeApi.ImportResponse ImportProgramme(HashSet<string> store, List<string> keys)
    {
        lock (_lock)
        {
            var inserted = keys.Count(store.Add);
            return new ProgrammeApi.ImportResponse { Records = keys.Count, Inserted = inserted, Unchanged = keys.Count - inserted };
        }
    }

    private EgovApi.ImportResponse ImportEgov(HashSet<string> store, List<string> keys)
    {
        lock (_lock)
        {
            var inserted = keys.Count(store.Add);
            EgovWrites += inserted;
            return new EgovApi.ImportResponse { Records = keys.Count, Inserted = inserted, Unchanged = keys.Count - inserted };
        }
    }

    private void MaybeFailCatalogueWrite()
    {
        if (FailCatalogueWriteIn is null) return;
        if (--FailCatalogueWriteIn > 0) return;
        FailCatalogueWriteIn = null;
        throw new RpcException(new Status(StatusCode.Unavailable, "catalogue write interrupted"));
    }

    private List<Procedure> Versions(string code) => _procedures.TryGetValue(code, out var v) ? v : throw NotFound(code);

    private Procedure Create(CreateProcedureRequest r)
    {
        MaybeFailCatalogueWrite();
        if (_procedures.ContainsKey(r.Code)) throw new RpcException(new Status(StatusCode.AlreadyExists, $"code: {r.Code} exists"));
        var procedure = new Procedure
        {
            Code = r.Code, Version = 1, Attributes = r.Attributes, Publication = r.Publication, InForceFrom = r.InForceFrom, EffectiveFrom = r.InForceFrom,
        };
        _procedures[r.Code] = [procedure];
        CatalogueWrites++;
        return procedure;
    }

    private Procedure Append(string code, string effectiveFrom, Action<Procedure> change)
    {
        MaybeFailCatalogueWrite();
        var versions = Versions(code);
        var current = versions[^1];
        if (current.AbolishedOn != "") throw new RpcException(new Status(StatusCode.FailedPrecondition, $"{code} is abolished"));
        if (string.CompareOrdinal(effectiveFrom, current.EffectiveFrom) < 0)
            throw new RpcException(new Status(StatusCode.FailedPrecondition, $"{code}: {effectiveFrom} is before {current.EffectiveFrom}"));
        var next = current.Clone();
        next.Version++;
        next.EffectiveFrom = effectiveFrom;
        change(next);
        versions.Add(next);
        CatalogueWrites++;
        return next;
    }

    private ImportDossiersResponse Import(List<DossierRecord> records)
    {
        lock (_lock)
        {
            ImportCalls++;
            if (FailImportCall == ImportCalls)
            {
                FailImportCall = null;
                throw new RpcException(new Status(StatusCode.Unavailable, "import interrupted"));
            }
            var unknown = records.FirstOrDefault(r => !_procedures.ContainsKey(r.ProcedureCode));
            if (unknown is not null) throw new RpcException(new Status(StatusCode.InvalidArgument, $"procedure_code: {unknown.ProcedureCode}"));
            long inserted = 0;
            foreach (var r in records)
            {
                if (_dossiers.Add(r.DossierId)) inserted++;
            }
            DossiersInserted += inserted;
            DossiersUnchanged += records.Count - inserted;
            return new ImportDossiersResponse { Records = records.Count, Inserted = inserted, Unchanged = records.Count - inserted, Events = 1 };
        }
    }

    private Feedback WriteFeedback(string id, Action<Feedback> change, bool create = false)
    {
        if (!_feedback.TryGetValue(id, out var feedback))
        {
            if (!create) throw NotFound(id);
            _feedback[id] = feedback = new Feedback { FeedbackId = id };
        }
        change(feedback);
        feedback.Version++;
        FeedbackWrites++;
        return feedback.Clone();
    }

    private static RpcException NotFound(string what) => new(new Status(StatusCode.NotFound, $"{what} not found"));

    private sealed class RecordWriter<T> : IClientStreamWriter<T>
    {
        private readonly List<T> _records = [];
        private readonly TaskCompletionSource<List<T>> _completed = new();

        public Task<List<T>> Completed => _completed.Task;
        public WriteOptions? WriteOptions { get; set; }

        public Task WriteAsync(T message)
        {
            _records.Add(message);
            return Task.CompletedTask;
        }

        public Task WriteAsync(T message, CancellationToken cancellationToken) => WriteAsync(message);

        public Task CompleteAsync()
        {
            _completed.SetResult(_records);
            return Task.CompletedTask;
        }
    }

    private sealed class StatusHandler(FakeProceduresService service) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Put && request.RequestUri?.AbsolutePath == "/api/reports/published")
            {
                // The published report the loader uploads last: kept whole, as the reporting service stores it.
                var document = System.Text.Json.JsonDocument.Parse(request.Content!.ReadAsStream(cancellationToken));
                lock (service._lock)
                {
                    service.PublishedReports.Add(document);
                }
                return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new StringContent("{\"source\":\"test\"}", Encoding.UTF8, "application/json"),
                });
            }
            if (request.RequestUri?.AbsolutePath != "/api/reports/status") return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
            int feedback, documents, findings, checks, units, statuses, figures, unreported, registryUnits, staffing, submissions, capabilities, records, values, obligations;
            long revision;
            lock (service._lock)
            {
                (feedback, documents, findings, checks) = (service._feedback.Count, service._legalDocuments.Count, service._findings.Count, service._checks.Count);
                (units, statuses, figures, unreported) = (service._statuses.Select(s => s.Unit).Distinct().Count(), service._statuses.Count, service._figures.Count, service._unreported.Count);
                (registryUnits, staffing, revision) = (service._units.Count, service._staffing.Count, service._unitRevision);
                (submissions, capabilities) = (service._egovSubmissions.Count, service._egovCapabilities.Count);
                (records, values, obligations) = (service._programmeRecords.Count, service._submittedValues.Count, service._obligations.Count);
            }
            var json = $$"""{"dossiers":{{service.DossierCount}},"procedureVersions":{{service.ProcedureVersions}},"feedback":{{feedback}},"legalDocuments":{{documents}},"reviewFindings":{{findings}},"documentChecks":{{checks}},"autonomyUnits":{{units}},"autonomyStatuses":{{statuses}},"budgetFigures":{{figures}},"unreportedBreakdowns":{{unreported}},"units":{{registryUnits}},"unitRevision":{{revision}},"staffingFacts":{{staffing}},"egovSubmissions":{{submissions}},"egovCapabilityStates":{{capabilities}},"programmeRecords":{{records}},"submittedValues":{{values}},"obligations":{{obligations}}}""";
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") });
        }
    }
}
