using System.Text.Json;
using Cchc.Contracts;
using Cchc.Contracts.Events.Organisation;
using Cchc.Messaging;
using Cchc.Organisation.Api.Data;
using Cchc.Organisation.Api.Domain;
using Cchc.Security.Authorization;
using Cchc.ServiceKit;
using Cchc.ServiceKit.Hosting.PeriodLocks;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using M = Cchc.Organisation.Api.Domain.OrganisationMessages;

namespace Cchc.Organisation.Api.Grpc;

/// <summary>
/// The unit registry. Every write locks the registry row, loads the registry, applies its change(s) in memory with
/// <see cref="Registry"/>, then rewrites the changed units, logs the changes and writes ONE UnitsChanged event (each
/// changed unit's whole history, all at the write's revision) in the same transaction.
/// </summary>
public sealed class UnitRegistryGrpcService(OrganisationDbContext db, TimeProvider clock, RequestSecurity security, IPeriodLock periodLock,
    ILogger<UnitRegistryGrpcService> logger)
    : UnitRegistryService.UnitRegistryServiceBase
{
    public const int MaxImportChanges = 20_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public override Task<ChangeResult> FoundUnit(FoundUnitRequest request, ServerCallContext context) =>
        One(RegistryValidation.Single(v => RegistryValidation.Found(request, v)), context);

    public override Task<ChangeResult> RenameUnit(RenameUnitRequest request, ServerCallContext context) =>
        One(RegistryValidation.Single(v => RegistryValidation.Rename(request, v)), context);

    public override Task<ChangeResult> MoveUnit(MoveUnitRequest request, ServerCallContext context) =>
        One(RegistryValidation.Single(v => RegistryValidation.Move(request, v)), context);

    public override Task<ChangeResult> DissolveUnit(DissolveUnitRequest request, ServerCallContext context) =>
        One(RegistryValidation.Single(v => RegistryValidation.Dissolve(request, v)), context);

    public override Task<ChangeResult> MergeUnits(MergeUnitsRequest request, ServerCallContext context) =>
        One(RegistryValidation.Single(v => RegistryValidation.Merge(request, v)), context);

    public override Task<ChangeResult> SplitUnit(SplitUnitRequest request, ServerCallContext context) =>
        One(RegistryValidation.Single(v => RegistryValidation.Split(request, v)), context);

    public override Task<ChangeResult> AbolishLevel(AbolishLevelRequest request, ServerCallContext context) =>
        One(RegistryValidation.Single(v => RegistryValidation.AbolishLevel(request, v)), context);

    public override async Task<ImportChangesResponse> ImportChanges(IAsyncStreamReader<UnitChange> requestStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        security.EnsureProvince();
        var commands = new List<(UnitCommand Command, string Prefix)>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var change in requestStream.ReadAllAsync(ct))
        {
            if (commands.Count == MaxImportChanges)
            {
                throw DomainException.Invalid("records", $"tối đa {MaxImportChanges:N0} thay đổi mỗi lần nhập");
            }
            var command = RegistryValidation.Change(change, commands.Count);
            if (!ids.Add(command.ChangeId))
            {
                throw DomainException.Invalid($"{RegistryValidation.Prefix(change, commands.Count)}change_id", M.DuplicateInImport(command.ChangeId));
            }
            commands.Add((command, RegistryValidation.Prefix(change, commands.Count)));
        }
        var outcome = await db.WriteAsync(c => WriteAsync(commands, c), ct);
        logger.LogInformation("Imported {Changes} unit changes: {Applied} applied, {Already} already recorded, {Units} units changed at revision {Revision}",
            commands.Count, outcome.Applied, outcome.AlreadyRecorded, outcome.Units.Count, outcome.Revision);
        return new ImportChangesResponse
        {
            Changes = commands.Count, Applied = outcome.Applied, AlreadyRecorded = outcome.AlreadyRecorded, UnitsChanged = outcome.Units.Count,
            Revision = outcome.Revision,
        };
    }

    public override async Task<Unit> GetUnit(GetUnitRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var code = v.Code("unit_code", request.UnitCode);
        var asOf = RegistryValidation.AsOf(v, "as_of", request.AsOf, clock);
        v.ThrowIfInvalid();
        var entity = await db.Units.AsNoTracking().Include(u => u.Periods).SingleOrDefaultAsync(u => u.UnitCode == code, context.CancellationToken)
            ?? throw DomainException.NotFound("unit_code", M.UnitNotFound(code));
        return WireMapping.ToWire(entity.ToState(), asOf);
    }

    public override async Task<ListUnitsResponse> ListUnits(ListUnitsRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var pageSize = v.PageSize(request.PageSize);
        var asOf = v.Day("as_of", request.AsOf, required: false, kind: TimeKind.Scheduled);
        var kind = v.Enum<UnitKind, Cchc.Contracts.Events.Organisation.UnitKind>("kind", request.Kind, allowZero: true);
        var parent = v.Code("parent_code", request.ParentCode, required: false);
        var text = v.Text("name_contains", request.NameContains, RegistryValidation.MaxNameLength, required: false);
        var fingerprint = $"{request.AsOf}|{(int)kind}|{parent}|{text}|{pageSize}";
        var after = PageToken.Decode(request.PageToken, fingerprint, v);
        v.ThrowIfInvalid();

        var ct = context.CancellationToken;
        var periods = db.UnitPeriods.AsNoTracking();
        if (asOf is { } day)
        {
            periods = periods.Where(p => p.FromDay <= day && (p.ToDay == null || p.ToDay >= day));
        }
        else
        {
            // Every unit ever, in its latest state: the last period of each unit.
            periods = periods.Where(p => !db.UnitPeriods.Any(q => q.UnitCode == p.UnitCode && q.Sequence > p.Sequence));
        }
        if (kind != Cchc.Contracts.Events.Organisation.UnitKind.Unspecified)
        {
            periods = periods.Where(p => p.Kind == kind);
        }
        if (parent.Length > 0)
        {
            periods = periods.Where(p => p.ParentCode == parent);
        }
        if (text.Length > 0)
        {
            var pattern = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            periods = periods.Where(p => EF.Functions.ILike(p.Name, pattern, "\\"));
        }
        var total = await periods.CountAsync(ct);
        var page = after is null ? periods : periods.Where(p => string.Compare(p.UnitCode, after) > 0);
        var codes = await page.OrderBy(p => p.UnitCode).Select(p => p.UnitCode).Take(pageSize + 1).ToListAsync(ct);
        var pageCodes = codes.Take(pageSize).ToList();
        var entities = await db.Units.AsNoTracking().Include(u => u.Periods).Where(u => pageCodes.Contains(u.UnitCode)).ToListAsync(ct);
        var today = VietnamCalendar.Today(clock);
        var response = new ListUnitsResponse { TotalSize = total };
        response.Units.AddRange(entities.OrderBy(u => u.UnitCode, StringComparer.Ordinal).Select(u => WireMapping.ToWire(u.ToState(), asOf ?? today)));
        if (codes.Count > pageSize)
        {
            response.NextPageToken = PageToken.Encode(pageCodes[^1], fingerprint);
        }
        return response;
    }

    public override async Task<UnitTree> GetTree(GetTreeRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var asOf = RegistryValidation.AsOf(v, "as_of", request.AsOf, clock);
        var root = v.Code("root_code", request.RootCode, required: false);
        v.ThrowIfInvalid();
        var live = await LiveOnAsync(asOf, context.CancellationToken);
        if (root.Length > 0 && live.All(p => p.UnitCode != root))
        {
            throw DomainException.NotFound("root_code", M.NotLiveOn(root, asOf));
        }
        var byParent = live.Where(p => p.ParentCode is not null).ToLookup(p => p.ParentCode!, StringComparer.Ordinal);
        var liveCodes = live.Select(p => p.UnitCode).ToHashSet(StringComparer.Ordinal);
        var roots = root.Length > 0
            ? live.Where(p => p.UnitCode == root)
            : live.Where(p => p.ParentCode is null || !liveCodes.Contains(p.ParentCode));
        var tree = new UnitTree { AsOf = IsoDate.Format(asOf) };
        var count = 0;
        TreeNode Node(UnitPeriodEntity p, int depth)
        {
            count++;
            var node = new TreeNode { UnitCode = p.UnitCode, Name = p.Name, Kind = (UnitKind)p.Kind, Sector = (PublicServiceSector)p.Sector };
            if (depth < 32)
            {
                node.Children.AddRange(byParent[p.UnitCode].OrderBy(c => c.Kind).ThenBy(c => c.UnitCode, StringComparer.Ordinal).Select(c => Node(c, depth + 1)));
            }
            return node;
        }
        tree.Roots.AddRange(roots.OrderBy(p => p.UnitCode, StringComparer.Ordinal).Select(p => Node(p, 0)));
        tree.Units = count;
        return tree;
    }

    public override async Task<CountUnitsResponse> CountUnits(CountUnitsRequest request, ServerCallContext context)
    {
        var v = new Validator();
        var asOf = RegistryValidation.AsOf(v, "as_of", request.AsOf, clock);
        v.ThrowIfInvalid();
        var counts = await db.UnitPeriods.AsNoTracking()
            .Where(p => p.FromDay <= asOf && (p.ToDay == null || p.ToDay >= asOf))
            .GroupBy(p => p.Kind).Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToListAsync(context.CancellationToken);
        var response = new CountUnitsResponse { AsOf = IsoDate.Format(asOf) };
        response.Counts.AddRange(counts.OrderBy(c => c.Kind).Select(c => new KindCount { Kind = (UnitKind)c.Kind, Count = c.Count }));
        return response;
    }

    public override async Task<RegistryStatus> GetRegistryStatus(GetRegistryStatusRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var revision = await db.Units.MaxAsync(u => (long?)u.Revision, ct) ?? 0;
        var units = await db.Units.CountAsync(ct);
        return new RegistryStatus { Revision = revision, Units = units };
    }

    private Task<List<UnitPeriodEntity>> LiveOnAsync(DateOnly day, CancellationToken ct) =>
        db.UnitPeriods.AsNoTracking().Where(p => p.FromDay <= day && (p.ToDay == null || p.ToDay >= day)).ToListAsync(ct);

    private async Task<ChangeResult> One(UnitCommand command, ServerCallContext context)
    {
        security.TargetId = command.ChangeId;
        var outcome = await db.WriteAsync(c => WriteAsync([(command, string.Empty)], c), context.CancellationToken);
        var result = new ChangeResult { Revision = outcome.Revision, AlreadyRecorded = outcome.AlreadyRecorded > 0 };
        result.UnitCodes.AddRange(outcome.AlreadyRecorded > 0 ? outcome.RecordedUnits : outcome.Units);
        return result;
    }

    private sealed record Outcome(long Revision, int Applied, int AlreadyRecorded, IReadOnlyList<string> Units, IReadOnlyList<string> RecordedUnits);

    private async Task<Outcome> WriteAsync(IReadOnlyList<(UnitCommand Command, string Prefix)> commands, CancellationToken ct)
    {
        // Writes run in the security layer's transaction (audit, idempotency); without one (in-process callers) in our own.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // Serialises writers: every rule is checked against the registry as the previous writer left it.
        var revision = 1 + (await db.Database.SqlQuery<long>($"SELECT revision AS \"Value\" FROM registry WHERE id = 1 FOR UPDATE")
            .ToListAsync(ct)).Single();

        var ids = commands.Select(c => c.Command.ChangeId).ToList();
        var recorded = await db.UnitChanges.AsNoTracking().Where(c => ids.Contains(c.ChangeId)).ToDictionaryAsync(c => c.ChangeId, StringComparer.Ordinal, ct);
        var registry = new Registry((await db.Units.AsNoTracking().Include(u => u.Periods).ToListAsync(ct)).Select(u => u.ToState()));
        var now = Instant.Normalize(clock.GetUtcNow());
        var applied = new List<UnitChangeEntity>();
        var already = 0;
        long lastRecordedRevision = 0;
        foreach (var (command, prefix) in commands)
        {
            var content = JsonSerializer.Serialize(command, command.GetType(), Json);
            if (recorded.TryGetValue(command.ChangeId, out var previous))
            {
                if (!SameContent(previous.Content, content))
                {
                    throw DomainException.Conflict(prefix + "change_id", M.ChangeRecordedDifferently(command.ChangeId));
                }
                already++;
                lastRecordedRevision = Math.Max(lastRecordedRevision, previous.Revision);
                continue;
            }
            registry.Apply(command, prefix);
            applied.Add(new UnitChangeEntity
            {
                ChangeId = command.ChangeId, Revision = revision, Kind = command.Kind, EffectiveOn = command.On, Content = content, RecordedAt = now,
            });
        }
        // A change's fact day is the day it takes effect (ADR 0029); changes already recorded are repeats and pass.
        await periodLock.EnsureOpenAsync(commands.Where(c => !recorded.ContainsKey(c.Command.ChangeId))
            .Select(c => new FactDay(c.Command.On, c.Prefix + "effective_on")).ToList(), ct);
        if (applied.Count == 0)
        {
            var recordedUnits = commands.Count == 1 ? UnitsOf(commands[0].Command) : [];
            return new Outcome(lastRecordedRevision, 0, already, [], recordedUnits);
        }

        var changedCodes = registry.Changed.OrderBy(c => c, StringComparer.Ordinal).ToList();
        var changedUnits = changedCodes.Select(c => registry.Find(c)!).ToList();
        foreach (var unit in changedUnits)
        {
            unit.Revision = revision;
        }
        await db.Database.ExecuteSqlAsync($"UPDATE registry SET revision = {revision} WHERE id = 1", ct);
        await db.Units.Where(u => changedCodes.Contains(u.UnitCode)).ExecuteDeleteAsync(ct);
        db.Units.AddRange(changedUnits.Select(u => UnitEntity.From(u, now)));
        db.UnitChanges.AddRange(applied);
        db.AddIntegrationEvent(new UnitsChanged { Units = changedUnits.Select(u => u.ToEvent()).ToList(), OccurredAt = now });
        await db.SaveChangesAsync(ct);
        if (own is not null)
        {
            await own.CommitAsync(ct);
        }
        return new Outcome(revision, applied.Count, already, changedCodes, []);
    }

    private static IReadOnlyList<string> UnitsOf(UnitCommand command) => command switch
    {
        FoundCommand c => [c.Unit.Code],
        RenameCommand c => [c.Code],
        MoveCommand c => [c.Code],
        DissolveCommand c => [c.Code],
        MergeCommand c => [.. c.Sources, c.TargetCode],
        SplitCommand c => [c.Source, .. c.NewUnits.Select(u => u.Code)],
        _ => [],
    };

    /// <summary>jsonb normalises key order and spacing: compare parsed documents, not strings.</summary>
    private static bool SameContent(string stored, string content)
    {
        using var a = JsonDocument.Parse(stored);
        using var b = JsonDocument.Parse(content);
        return JsonElement.DeepEquals(a.RootElement, b.RootElement);
    }
}
