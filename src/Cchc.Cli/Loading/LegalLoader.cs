using System.Diagnostics;
using Cchc.Cli.Commands;
using Cchc.Cli.Demo.Legal;
using Cchc.Legal.Api.Grpc;
using Grpc.Core;

namespace Cchc.Cli.Loading;

/// <summary>
/// Loads the legal register through the gateway: the documents with their lifecycle in one idempotent import call,
/// then the review rounds and findings, the checks and the systematisation periods (each write idempotent, so a rerun
/// changes nothing). Returns the systematisation counts the service computed.
/// </summary>
internal sealed class LegalLoader(CallInvoker grpc)
{
    private const int Parallelism = 8;

    private readonly DocumentService.DocumentServiceClient _documents = new(grpc);
    private readonly ReviewService.ReviewServiceClient _reviews = new(grpc);
    private readonly CheckService.CheckServiceClient _checks = new(grpc);

    public sealed record Result(ImportDocumentsResponse Import, int Rounds, int Findings, int Checks, IReadOnlyList<SystematisationPeriod> Periods, TimeSpan Elapsed);

    public async Task<Result> LoadAsync(DemoLegalRegister register, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            var import = await ImportAsync(register.Documents, cancellation);
            foreach (var round in register.Rounds)
            {
                await _reviews.CreateReviewRoundAsync(new CreateReviewRoundRequest { Round = ToWire(round) }, cancellationToken: cancellation);
            }
            var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellation };
            var unitOfRound = register.Rounds.ToDictionary(r => r.Id, r => r.ReviewingUnit, StringComparer.Ordinal);
            await Parallel.ForEachAsync(register.Findings, options, async (f, ct) =>
                await _reviews.RecordReviewFindingAsync(new RecordReviewFindingRequest { ReviewingUnit = unitOfRound[f.RoundId], Finding = ToWire(f) }, cancellationToken: ct));
            await Parallel.ForEachAsync(register.Checks, options, async (c, ct) =>
                await _checks.RecordCheckAsync(new RecordCheckRequest { Check = ToWire(c) }, cancellationToken: ct));
            var periods = new List<SystematisationPeriod>();
            foreach (var period in register.Periods)
            {
                periods.Add(await _reviews.CreateSystematisationPeriodAsync(new CreateSystematisationPeriodRequest { Period = ToWire(period) }, cancellationToken: cancellation));
            }
            return new Result(import, register.Rounds.Count, register.Findings.Count, register.Checks.Count, periods, watch.Elapsed);
        }
        catch (RpcException e)
        {
            throw new CommandFailedException($"loading the legal register failed: {e.StatusCode} {e.Status.Detail}");
        }
    }

    private async Task<ImportDocumentsResponse> ImportAsync(IReadOnlyList<DemoLegalDocument> documents, CancellationToken cancellation)
    {
        using var call = _documents.ImportDocuments(cancellationToken: cancellation);
        foreach (var d in documents)
        {
            await call.RequestStream.WriteAsync(ToWire(d), cancellation);
        }
        await call.RequestStream.CompleteAsync();
        return await call;
    }

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    internal static DocumentRecord ToWire(DemoLegalDocument d)
    {
        var record = new DocumentRecord
        {
            DocumentId = d.Id,
            Attributes = new DocumentAttributes
            {
                Kind = (DocumentKind)(int)d.Kind,
                IssuingBody = (IssuingBody)(int)d.Body,
                Level = (GovernmentLevel)(int)d.Level,
                IssuerUnit = d.IssuerUnit,
                Number = d.Number,
                Title = d.Title,
                DraftingAgency = d.DraftingAgency,
                SignedOn = Day(d.SignedOn),
                EffectiveOn = Day(d.EffectiveOn),
                GazettePublishedOn = Day(d.GazettePublishedOn),
                GazetteIssue = d.GazetteIssue ?? "",
            },
        };
        record.Events.AddRange(d.Events.Select(e => new LifecycleEvent
        {
            Type = (LifecycleEventType)(int)e.Type, EffectiveOn = Day(e.EffectiveOn), CausedBy = e.CausedBy ?? "",
        }));
        return record;
    }

    private static ReviewRound ToWire(DemoReviewRound r) => new()
    {
        RoundId = r.Id, ReviewingUnit = r.ReviewingUnit, Kind = (ReviewKind)(int)r.Kind, Topic = r.Topic, StartedOn = Day(r.StartedOn), EndedOn = Day(r.EndedOn),
    };

    private static ReviewFinding ToWire(DemoFinding f) => new()
    {
        RoundId = f.RoundId, DocumentId = f.DocumentId, Conclusion = (ReviewConclusion)(int)f.Conclusion, FoundOn = Day(f.FoundOn),
        Handling = (FindingHandling)(int)f.Handling, HandledOn = Day(f.HandledOn),
    };

    private static DocumentCheck ToWire(DemoCheck c) => new()
    {
        CheckId = c.Id, DocumentId = c.DocumentId, CheckingUnit = c.CheckingUnit, CheckedOn = Day(c.CheckedOn), Result = (CheckResult)(int)c.Result,
        Handling = (CheckHandling)(int)c.Handling, HandledOn = Day(c.HandledOn),
    };

    private static SystematisationPeriod ToWire(DemoSystematisation p)
    {
        var period = new SystematisationPeriod { PeriodId = p.Id, Unit = p.Unit, Level = GovernmentLevel.Province, From = Day(p.From), To = Day(p.To) };
        period.IssuerUnits.AddRange(p.IssuerUnits);
        return period;
    }

    public static string Describe(SystematisationCounts c) =>
        $"{c.InScope} in scope, {c.InForce} in force, {c.WhollyExpired} wholly and {c.PartlyExpired} partly expired, {c.NeedingAmendment} needing amendment";
}
