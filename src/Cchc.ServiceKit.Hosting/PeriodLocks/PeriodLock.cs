using System.Globalization;
using Cchc.Contracts.Events.Reporting;
using Cchc.Messaging;
using Cchc.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Cchc.ServiceKit.Hosting.PeriodLocks;

/// <summary>A fact's day and the request field it comes from (named in the refusal).</summary>
public readonly record struct FactDay(DateOnly Day, string Field)
{
    /// <summary>The fact's day of an instant: its Vietnam local day, as the report counts it.</summary>
    public static FactDay At(DateTimeOffset instant, string field) => new(Cchc.Contracts.VietnamCalendar.LocalDate(instant), field);

    /// <summary>The fact's day of a yearly figure: 31/12 of its (last) year, the day its year's report counts it on.</summary>
    public static FactDay YearEnd(int year, string field) => new(new DateOnly(year, 12, 31), field);
}

/// <summary>An accepted correction: the approval it goes through and the caller's reason.</summary>
public sealed record AcceptedCorrection(string Period, int ApprovalVersion, DateOnly FactDay, string Reason);

/// <summary>
/// The lock of approved periods, the one check a write path calls with the days of the facts it is about to write
/// (docs/adr/0029-period-lock-in-the-template.md). A day inside a period whose approval is in force is refused with
/// FAILED_PRECONDITION naming the approval — unless the caller holds facts.correct and gives a reason in the request
/// header <see cref="ReasonHeader"/>: then the correction is recorded (fact_corrections) and announced (FactCorrected
/// through the outbox) in the write's transaction, and the write goes on. Without a reason: INVALID_ARGUMENT.
/// </summary>
public interface IPeriodLock
{
    /// <summary>Refuses, or accepts as a correction (returned), or returns null when no day is in an approved period.</summary>
    Task<AcceptedCorrection?> EnsureOpenAsync(IReadOnlyCollection<FactDay> days, CancellationToken cancellationToken);
}

/// <inheritdoc cref="IPeriodLock"/>
public sealed class PeriodLock<TDbContext>(TDbContext db, IHttpContextAccessor http, TimeProvider clock, string service) : IPeriodLock
    where TDbContext : DbContext
{
    /// <summary>The correction's reason: UTF-8, percent-encoded (as grpc-message is), at most <see cref="MaxReasonLength"/> characters.</summary>
    public const string ReasonHeader = "x-cchc-correction-reason";

    public const int MaxReasonLength = 500;

    public async Task<AcceptedCorrection?> EnsureOpenAsync(IReadOnlyCollection<FactDay> days, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(days);
        if (days.Count == 0)
        {
            return null;
        }
        var first = days.Min(d => d.Day);
        var last = days.Max(d => d.Day);
        var locks = await db.Set<PeriodLockRow>().AsNoTracking()
            .Where(l => l.WithdrawnAt == null && l.From <= last && l.To >= first)
            .ToListAsync(cancellationToken);
        if (locks.Count == 0)
        {
            return null;
        }
        var hit = days.OrderBy(d => d.Day).Select(d => (Day: d, Lock: locks.FirstOrDefault(l => l.From <= d.Day && d.Day <= l.To)))
            .FirstOrDefault(x => x.Lock is not null);
        if (hit.Lock is null)
        {
            return null;
        }
        var context = http.HttpContext;
        var caller = Caller.From(context?.User);
        if (caller is null || !caller.HasScope(SecurityScopes.FactsCorrect))
        {
            throw DomainException.Precondition(hit.Day.Field, PeriodLockMessages.Locked(hit.Lock, hit.Day.Day));
        }
        var reason = ReasonOf(context!);
        var correction = new AcceptedCorrection(hit.Lock.Period, hit.Lock.Version, hit.Day.Day, reason);
        await RecordAsync(correction, caller.ClientId, context!.Request.Path.Value ?? string.Empty, cancellationToken);
        return correction;
    }

    private static string ReasonOf(HttpContext context)
    {
        var raw = context.Request.Headers[ReasonHeader].ToString();
        string reason;
        try
        {
            reason = Uri.UnescapeDataString(raw).Trim();
        }
        catch (UriFormatException)
        {
            throw DomainException.Invalid(ReasonHeader, PeriodLockMessages.ReasonMalformed);
        }
        if (reason.Length == 0)
        {
            throw DomainException.Invalid(ReasonHeader, PeriodLockMessages.ReasonMissing);
        }
        var problem = reason.Length > MaxReasonLength ? KitMessages.TooLong(MaxReasonLength) : InputText.Problem(reason, multiLine: false);
        return problem is null ? reason : throw DomainException.Invalid(ReasonHeader, problem);
    }

    /// <summary>The row and the event, in the write's transaction (the security interceptor's): they commit or roll back with the facts.</summary>
    private async Task RecordAsync(AcceptedCorrection correction, string clientId, string operation, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        var transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A correction is recorded inside the write's transaction: call the period lock from a write RPC.");
        var now = clock.GetUtcNow();
        var id = Guid.CreateVersion7(now);
        await using (var command = new NpgsqlCommand("""
            INSERT INTO fact_corrections (id, corrected_at, client_id, operation, fact_day, period, approval_version, reason)
            VALUES (@id, @at, @client, @operation, @day, @period, @version, @reason)
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("at", now);
            command.Parameters.AddWithValue("client", clientId);
            command.Parameters.AddWithValue("operation", operation);
            command.Parameters.AddWithValue("day", correction.FactDay);
            command.Parameters.AddWithValue("period", correction.Period);
            command.Parameters.AddWithValue("version", correction.ApprovalVersion);
            command.Parameters.AddWithValue("reason", correction.Reason);
            await command.ExecuteNonQueryAsync(ct);
        }
        await Outbox.WriteAsync(connection, transaction, [new FactCorrected
        {
            CorrectionId = id,
            Service = service,
            Operation = operation,
            FactDay = correction.FactDay,
            Period = correction.Period,
            ApprovalVersion = correction.ApprovalVersion,
            Reason = correction.Reason,
            CorrectedBy = clientId,
            CorrectedAt = now,
        }], ct);
    }
}

/// <summary>The Vietnamese texts of the period lock.</summary>
public static class PeriodLockMessages
{
    public const string ReasonMissing =
        "cần lý do điều chỉnh: ghi lý do (UTF-8, mã hóa phần trăm) vào tiêu đề x-cchc-correction-reason khi điều chỉnh số liệu của kỳ báo cáo đã được phê duyệt";

    public const string ReasonMalformed = "lý do điều chỉnh không đọc được: dùng UTF-8 mã hóa phần trăm (percent-encoding)";

    public static string Locked(PeriodLockRow approval, DateOnly day) => string.Create(CultureInfo.InvariantCulture,
        $"ngày {day:dd/MM/yyyy} thuộc kỳ báo cáo {approval.Period} đã được phê duyệt ngày {Cchc.Contracts.VietnamCalendar.LocalDate(approval.ApprovedAt):dd/MM/yyyy} bởi {approval.ApprovedBy} (phiên bản {approval.Version}); cần quyền điều chỉnh (facts.correct) và lý do");
}
