using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cchc.Integration.Api.Data;
using Cchc.ServiceKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cchc.Integration.Api.Exchange;

/// <summary>Section <c>Integration:Reports</c>: what is reported, and how long the submission keeps trying.</summary>
public sealed class ReportOptions
{
    public const string Section = "Integration:Reports";
    public const string ReportingClient = "reporting";

    /// <summary>The reporting service's HTTP address (the published appendices are read from it).</summary>
    public Uri ReportingAddress { get; set; } = new("http://_http.reporting-api");

    /// <summary>The appendices whose rows are the indicators sent (Appendix 4 counts units on days, not periods).</summary>
    public List<int> Appendices { get; set; } = [];

    public static readonly int[] DefaultAppendices = [2, 3, 5, 6, 7];

    /// <summary>This province's unit code in the report (donVi).</summary>
    public string Unit { get; set; } = "000.00.00.H22";

    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(15);
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Attempts (each one an HTTP call with its own retries) before the submission becomes a dead letter.</summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>How often the background sender looks for submissions due for another attempt.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Report submission to the Government reporting system through the NGSP (<c>GuiBaoCao</c>): the indicators of a period
/// read from the published appendices, sent at once and then again with growing delays until acknowledged; the receipt
/// (<c>maBienNhan</c>) is kept. One submission per period: submitting a period again returns the same submission.
/// </summary>
public sealed partial class ReportSubmissions(
    IntegrationDbContext db, NationalExchange national, DeadLetters deadLetters, IHttpClientFactory clients,
    IOptions<ReportOptions> options, TimeProvider clock, ILogger<ReportSubmissions> logger)
{
    public const string Operation = "GuiBaoCao";

    [GeneratedRegex(@"^(\d{4}|\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2})$")]
    private static partial Regex PeriodPattern();

    /// <summary>
    /// A year or a range of real days, inside the template's input domain (docs/adr/0015): from 1945 (a range from
    /// 2/9/1945) to at most today + its horizon, so every period accepted is one the reporting service computes.
    /// </summary>
    public static bool IsPeriod(string period, TimeProvider clock)
    {
        if (!PeriodPattern().IsMatch(period))
        {
            return false;
        }
        DateOnly to;
        if (period.Length == 4)
        {
            var year = int.Parse(period, CultureInfo.InvariantCulture);
            if (year < InputDomain.EarliestDay.Year)
            {
                return false;
            }
            to = new DateOnly(year, 12, 31);
        }
        else
        {
            var days = period.Split("..");
            if (!DateOnly.TryParseExact(days[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !DateOnly.TryParseExact(days[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out to)
                || from > to || from < InputDomain.EarliestDay)
            {
                return false;
            }
        }
        return to <= InputDomain.LatestDay(TimeKind.Scheduled, clock);
    }

    public async Task<ReportSubmissionEntity> SubmitAsync(string period, CancellationToken ct)
    {
        var existing = await db.ReportSubmissions.SingleOrDefaultAsync(s => s.Period == period, ct);
        if (existing is not null)
        {
            return existing;
        }
        var now = clock.GetUtcNow();
        var submission = new ReportSubmissionEntity
        {
            Period = period, Status = "pending", Payload = (await BuildAsync(period, ct)).ToJsonString(), CreatedAt = now, NextAttemptAt = now,
        };
        db.ReportSubmissions.Add(submission);
        await db.SaveChangesAsync(ct);

        // One sender at a time across the adapter's replicas (SendingLock): a sweep of another replica must not send it too.
        // A gRPC write already runs in the security layer's transaction (audit, idempotency): the lock lasts until it ends.
        await using var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SendingLock})", ct);
        await db.Entry(submission).ReloadAsync(ct);
        if (submission.Status == "pending")
        {
            await AttemptAsync(submission, ct);
        }
        if (own is not null)
        {
            await own.CommitAsync(ct);
        }
        return submission;
    }

    /// <summary>
    /// The PostgreSQL advisory lock held (for a transaction) by whoever sends reports: the first attempt of a submission
    /// and the retry sweep, on any replica. Reports are few; sending them one sender at a time is what keeps a period from
    /// being sent twice by two replicas.
    /// </summary>
    private const long SendingLock = 0x43434843_52455054; // "CCHCREPT"

    /// <summary>Sends every pending submission whose next attempt is due; returns how many were tried.</summary>
    public async Task<int> RetryDueAsync(CancellationToken ct)
    {
        // Another replica sending (a sweep or a first attempt) holds the lock: this tick does nothing, the next one looks again.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var locked = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({SendingLock}) AS \"Value\"").SingleAsync(ct);
        if (!locked)
        {
            return 0;
        }
        var due = await db.ReportSubmissions.Where(s => s.Status == "pending" && s.NextAttemptAt <= clock.GetUtcNow())
            .OrderBy(s => s.NextAttemptAt).Take(20).ToListAsync(ct);
        foreach (var submission in due)
        {
            await AttemptAsync(submission, ct);
        }
        await transaction.CommitAsync(ct);
        return due.Count;
    }

    private async Task AttemptAsync(ReportSubmissionEntity submission, CancellationToken ct)
    {
        submission.Attempts++;
        try
        {
            var answer = await national.CallAsync(Operation, JsonNode.Parse(submission.Payload)!.AsObject(), ct);
            if (answer.GetProperty("error_code").GetInt32() != 0)
            {
                throw new ExchangeFailedException($"error_code {answer.GetProperty("error_code").GetInt32()}: {answer.GetProperty("message")}", refused: true);
            }
            Acknowledge(submission, answer.GetProperty("result").GetProperty("maBienNhan").GetString()!);
            logger.LogInformation("Report {Period} acknowledged, receipt {Receipt}, after {Attempts} attempts", submission.Period, submission.Receipt, submission.Attempts);
        }
        catch (ExchangeFailedException e)
        {
            submission.LastError = e.Message;
            var o = options.Value;
            if (submission.Attempts >= o.MaxAttempts || e.Refused)
            {
                submission.Status = "dead-letter";
                await deadLetters.AddAsync(Operation, $"report:{submission.Period}", JsonNode.Parse(submission.Payload)!.AsObject(), e.Message, submission.Attempts, ct);
                logger.LogError("Report {Period} not delivered after {Attempts} attempts, now a dead letter: {Error}", submission.Period, submission.Attempts, e.Message);
            }
            else
            {
                var delay = TimeSpan.FromTicks(Math.Min(o.MaxRetryDelay.Ticks, o.FirstRetryDelay.Ticks * (1L << Math.Min(submission.Attempts - 1, 20))));
                submission.NextAttemptAt = clock.GetUtcNow() + delay;
                logger.LogWarning("Report {Period} not delivered (attempt {Attempts}), next in {Delay}: {Error}", submission.Period, submission.Attempts, delay, e.Message);
            }
        }
        await db.SaveChangesAsync(ct);
    }

    internal void Acknowledge(ReportSubmissionEntity submission, string receipt)
    {
        submission.Status = "acknowledged";
        submission.Receipt = receipt;
        submission.AcknowledgedAt = clock.GetUtcNow();
        submission.LastError = string.Empty;
    }

    /// <summary>The report body: the rows of the published appendices for the period, each an indicator.</summary>
    private async Task<JsonObject> BuildAsync(string period, CancellationToken ct)
    {
        var o = options.Value;
        var http = clients.CreateClient(ReportOptions.ReportingClient);
        var indicators = new JsonArray();
        foreach (var no in o.Appendices.Count > 0 ? o.Appendices : [.. ReportOptions.DefaultAppendices])
        {
            using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri(o.ReportingAddress, $"/api/reports/appendices/{no}?periods={period}"), ct));
            foreach (var row in document.RootElement.GetProperty("rows").EnumerateArray())
            {
                if (row.TryGetProperty("heading", out var heading) && heading.ValueKind == JsonValueKind.True)
                {
                    continue;
                }
                indicators.Add(new JsonObject
                {
                    ["phuLuc"] = no,
                    ["chiTieu"] = row.GetProperty("label").GetString(),
                    ["giaTri"] = JsonNode.Parse(row.GetProperty("values").GetProperty(period).GetRawText()),
                });
            }
        }
        return new JsonObject { ["kyBaoCao"] = period, ["donVi"] = o.Unit, ["chiTieu"] = indicators };
    }
}

/// <summary>Sends the pending report submissions again when due.</summary>
public sealed class ReportSender(IServiceScopeFactory scopes, IOptions<ReportOptions> options, ILogger<ReportSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ReportSubmissions>().RetryDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Retrying report submissions failed; trying again at the next tick");
            }
        }
    }
}
