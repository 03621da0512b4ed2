using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cchc.Integration.Api.Data;
using Cchc.Integration.Api.Grpc;
using Cchc.Procedures.Api.Grpc;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Integration.Api.Exchange;

/// <summary>
/// Catalogue synchronisation from the national procedure database through the NGSP (docs/integration.md, "Catalogue
/// synchronisation"): <c>LayDanhSachTTHCThayDoi</c> since the last sync, each change applied to the procedures
/// catalogue by its public API (<c>TRANGTHAI</c> MOI → create, SUADOI → amend, BAIBO → abolish; a new one already known
/// is amended, an amendment of an unknown one creates it); what the procedures service refuses is reported, not applied.
/// </summary>
public sealed class CatalogueSync(IntegrationDbContext db, NationalExchange national, ProcedureCatalogService.ProcedureCatalogServiceClient catalogue,
    TimeProvider clock, ILogger<CatalogueSync> logger)
{
    public const string ChangedListing = "LayDanhSachTTHCThayDoi";
    public const string Beginning = "19450902000000";

    public async Task<CatalogueSyncReport> RunAsync(string? changedSince, CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        var since = !string.IsNullOrEmpty(changedSince) ? changedSince
            : await db.CatalogueSyncs.OrderByDescending(s => s.Id).Select(s => (DateTimeOffset?)s.StartedAt).FirstOrDefaultAsync(ct) is { } last
                ? last.ToOffset(TimeSpan.FromHours(7)).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture)
                : Beginning;
        var answer = await national.CallAsync(ChangedListing, new JsonObject { ["tuNgay"] = since }, ct);
        var report = new CatalogueSyncReport { ChangedSince = since, StartedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(started) };
        foreach (var item in answer.GetProperty("result").EnumerateArray())
        {
            await ApplyAsync(item, report, ct);
        }
        db.CatalogueSyncs.Add(new CatalogueSyncEntity { StartedAt = started, ChangedSince = since, Report = JsonFormatter.Default.Format(report) });
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Catalogue sync since {Since}: {Created} created, {Amended} amended, {Abolished} abolished, {Unchanged} unchanged, {Problems} not applied",
            since, report.Created, report.Amended, report.Abolished, report.Unchanged, report.Problems.Count);
        return report;
    }

    private async Task ApplyAsync(JsonElement item, CatalogueSyncReport report, CancellationToken ct)
    {
        var code = Text(item, "MATTHC");
        var change = Text(item, "TRANGTHAI");
        try
        {
            var publication = new Publication { DecisionNumber = Text(item, "SOQUYETDINH"), DecisionDate = Day(item, "NGAYQUYETDINH") };
            var effective = Day(item, "NGAYHIEULUC");
            switch (change)
            {
                case "BAIBO":
                    var before = await CurrentAsync(code, ct);
                    var abolished = await catalogue.AbolishProcedureAsync(new AbolishProcedureRequest { Code = code, Publication = publication, AbolishedOn = effective }, cancellationToken: ct);
                    Count(report, before?.AbolishedOn == abolished.AbolishedOn && before.Version == abolished.Version, r => r.Abolished++);
                    break;
                case "MOI" or "SUADOI":
                    var attributes = Attributes(item);
                    var current = await CurrentAsync(code, ct);
                    if (current is null)
                    {
                        await catalogue.CreateProcedureAsync(new CreateProcedureRequest { Code = code, Attributes = attributes, Publication = publication, InForceFrom = effective }, cancellationToken: ct);
                        report.Created++;
                    }
                    else if (current.Attributes.Equals(attributes))
                    {
                        report.Unchanged++;
                    }
                    else
                    {
                        await catalogue.AmendProcedureAsync(new AmendProcedureRequest { Code = code, Attributes = attributes, Publication = publication, EffectiveFrom = effective }, cancellationToken: ct);
                        report.Amended++;
                    }
                    break;
                default:
                    report.Problems.Add(new CatalogueSyncProblem { ProcedureCode = code, Change = change, Reason = $"TRANGTHAI \"{change}\" không được hỗ trợ (MOI, SUADOI, BAIBO)" });
                    break;
            }
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument or StatusCode.FailedPrecondition or StatusCode.AlreadyExists or StatusCode.NotFound)
        {
            report.Problems.Add(new CatalogueSyncProblem { ProcedureCode = code, Change = change, Reason = e.Status.Detail });
        }
        catch (FormatException e)
        {
            report.Problems.Add(new CatalogueSyncProblem { ProcedureCode = code, Change = change, Reason = e.Message });
        }
    }

    private static void Count(CatalogueSyncReport report, bool unchanged, Action<CatalogueSyncReport> changed)
    {
        if (unchanged)
        {
            report.Unchanged++;
        }
        else
        {
            changed(report);
        }
    }

    private async Task<Procedure?> CurrentAsync(string code, CancellationToken ct)
    {
        try
        {
            return await catalogue.GetProcedureAsync(new GetProcedureRequest { Code = code }, cancellationToken: ct);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>The national record's attributes; the receiving place follows the level (docs/integration.md, "The mapping").</summary>
    private static ProcedureAttributes Attributes(JsonElement item)
    {
        var given = Text(item, "CAPTHUCHIEN");
        var level = given.ToLowerInvariant() switch
        {
            "cấp tỉnh" => GovernmentLevel.Province,
            "cấp huyện" => GovernmentLevel.District,
            "cấp xã" => GovernmentLevel.Commune,
            _ => throw new FormatException($"CAPTHUCHIEN \"{given}\" không phải Cấp Tỉnh, Cấp Huyện hoặc Cấp Xã"),
        };
        var field = item.TryGetProperty("LINHVUCTHUCHIEN", out var fields) && fields.ValueKind == JsonValueKind.Array && fields.GetArrayLength() > 0
            ? Text(fields[0], "TENLINHVUC")
            : string.Empty;
        return new ProcedureAttributes
        {
            Name = Text(item, "TENTTHC"), Field = field, Level = level, ResolvingUnit = Text(item, "COQUANTHUCHIEN"),
            ReceivingPlace = level switch
            {
                GovernmentLevel.Province => ReceivingPlace.ProvincialCentre,
                GovernmentLevel.District => ReceivingPlace.DistrictOneStop,
                _ => ReceivingPlace.CommuneOneStop,
            },
            OnlineLevel = OnlineServiceLevel.None,
        };
    }

    private static string Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()!.Trim() : string.Empty;

    /// <summary>A yyyyMMddHHmmss (or yyyyMMdd) national date as the catalogue's YYYY-MM-DD.</summary>
    private static string Day(JsonElement item, string name)
    {
        var text = Text(item, name);
        return text.Length >= 8 && DateOnly.TryParseExact(text[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : throw new FormatException($"{name} \"{text}\" phải là ngày dạng yyyyMMddHHmmss");
    }
}
