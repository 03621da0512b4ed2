using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cchc.Contracts.Events.Procedures;
using Cchc.Contracts.Events.Reporting;
using Cchc.Messaging;
using Cchc.Reporting.Api.Approvals;
using Cchc.Reporting.Api.Consuming;
using Cchc.Reporting.Api.Procedures;
using Cchc.Reporting.Api.Rebuild;
using Cchc.Reporting.Api.Reports.Reconciliation;
using Cchc.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Reporting.Tests.Integration;

/// <summary>
/// Rebuilding the read model (docs/adr/0040): what the start empties and what it keeps, who may start one, and when it is
/// complete — every expected marker in and every message id it lists in the inbox, a duplicate delivery not counting twice.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RebuildTests(PostgresServer postgres) : IAsyncLifetime
{
    private static readonly DateTimeOffset March2005 = new(2005, 3, 1, 3, 0, 0, TimeSpan.Zero);

    private ReportingApp _app = null!;
    private HttpClient _operator = null!;
    private HttpClient _approver = null!;

    public async Task InitializeAsync()
    {
        // Two services expected, so the completion logic is seen with more than one marker.
        _app = await ReportingApp.StartAsync(postgres, "rebuild",
            [new("Reporting:Rebuild:Services:0", "procedures"), new("Reporting:Rebuild:Services:1", "legal")]);
        _operator = _app.CreateClient(_app.Issuer.CreateToken("cchc-operator", ["reporting.read", "reporting.admin", "reporting.rebuild"], ["*"]));
        _approver = _app.CreateClient(_app.Issuer.CreateToken("cchc-approver", ["reporting.read", "reporting.approve"], ["*"]));
    }

    public async Task DisposeAsync()
    {
        _operator.Dispose();
        _approver.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task EveryTableOfTheModel_IsEitherEmptiedByARebuild_OrKept_NeverBoth()
    {
        var tables = await _app.QueryAsync(db => Task.FromResult(db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().ToList()));

        Assert.Empty(Rebuilds.FactTables.Intersect(Rebuilds.KeptTables));
        Assert.Equal(tables.Order(StringComparer.Ordinal), Rebuilds.FactTables.Concat(Rebuilds.KeptTables).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Starting_EmptiesTheFacts_KeepsApprovalsPublishedReportsFailuresAndTheInbox_AndPublishesRebuildRequested_InOneStep()
    {
        await FeedbackAsync("f-1", 1);
        using (var approved = await _approver.PostAsJsonAsync("/api/reports/approvals", new { period = "2005" }))
        {
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        }
        var hashBefore = await _app.QueryAsync(db => db.Approvals.Select(a => a.ContentHash).SingleAsync());
        await _app.QueryAsync(async db =>
        {
            db.Add(new PublishedReport { Source = "Báo cáo 2019", Title = "Báo cáo", Document = "{}", LoadedAt = DateTimeOffset.UtcNow });
            db.Add(new ConsumeFailure
            {
                MessageId = Guid.NewGuid(), Consumer = "c", Queue = "q", MessageType = "t", FirstFailedAt = DateTimeOffset.UtcNow,
                LastFailedAt = DateTimeOffset.UtcNow, Failures = 1, Error = "e",
            });
            return await db.SaveChangesAsync();
        });
        var inboxBefore = await _app.QueryAsync(db => db.Set<InboxMessage>().CountAsync());

        var status = await StartAsync();

        Assert.Equal("rebuilding", status.GetProperty("state").GetString());
        Assert.Equal(0, await _app.QueryAsync(db => db.Feedback.CountAsync()));
        Assert.Equal(hashBefore, await _app.QueryAsync(db => db.Approvals.Select(a => a.ContentHash).SingleAsync()));
        Assert.Equal(1, await _app.QueryAsync(db => db.Set<PublishedReport>().CountAsync()));
        Assert.Equal(1, await _app.QueryAsync(db => db.Set<ConsumeFailure>().CountAsync()));
        Assert.Equal(inboxBefore, await _app.QueryAsync(db => db.Set<InboxMessage>().CountAsync()));
        var requested = await _app.QueryAsync(db => db.Set<OutboxMessage>().Where(m => m.MessageType.EndsWith(nameof(RebuildRequested))).ToListAsync());
        Assert.Equal(status.GetProperty("id").GetGuid(), JsonDocument.Parse(Assert.Single(requested).Payload).RootElement.GetProperty("rebuildId").GetGuid());
        // Audited like an approval: who asked, which rebuild.
        Assert.True(await _app.QueryAsync(db => db.Set<Cchc.Security.Audit.AuditEntry>()
            .AnyAsync(e => e.Operation == Rebuilds.StartOperation && e.ClientId == "cchc-operator")));
    }

    [Fact]
    public async Task OnlyAProvinceWideOperatorStarts_AndASecondStartWhileOneRunsIsRefused_InVietnamese()
    {
        using (var reader = _app.CreateClient())
        using (var refused = await reader.PostAsync("/api/reports/rebuild", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        using (var district = _app.CreateClient(_app.Issuer.CreateToken("cchc-operator", ["reporting.read", "reporting.rebuild"], ["UBND huyện Tam Đường"])))
        using (var refused = await district.PostAsync("/api/reports/rebuild", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }
        Assert.Equal(0, await _app.QueryAsync(db => db.Set<RebuildRecord>().CountAsync()));

        await StartAsync();
        using var second = await _operator.PostAsync("/api/reports/rebuild", null);

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("Đang có một lần dựng lại", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await _app.QueryAsync(db => db.Set<RebuildRecord>().CountAsync()));
    }

    [Fact]
    public async Task ARebuildIsComplete_OnlyWhenEveryMarkerIsIn_AndEveryMessageItListsWasApplied_ADuplicateNotCountingTwice()
    {
        var id = (await StartAsync()).GetProperty("id").GetGuid();
        var (a, b, c) = (NewId.NextGuid(), NewId.NextGuid(), NewId.NextGuid());

        // Page a arrives, then the procedures marker listing a and b, then the legal marker with its page c.
        await FeedbackAsync("f-a", 2, a);
        await MarkerAsync(id, "procedures", a, b);
        Assert.Equal("rebuilding", await StateAsync(id));
        await MarkerAsync(id, "legal", c);
        await FeedbackAsync("f-c", 2, c);
        var status = await StatusAsync(id);
        Assert.Equal("rebuilding", status.GetProperty("state").GetString());
        var procedures = status.GetProperty("services").EnumerateArray().Single(s => s.GetProperty("service").GetString() == "procedures");
        Assert.Equal(2, procedures.GetProperty("messages").GetInt32());
        Assert.Equal(1, procedures.GetProperty("applied").GetInt64());

        // While it runs: the pages and the JSON say so, and approving is refused (a snapshot would hold incomplete figures).
        Assert.Contains("Đang dựng lại số liệu báo cáo…", await _app.CreateClient().GetStringAsync("/reports/appendices/3?periods=2005"), StringComparison.Ordinal);
        Assert.True((await AppendixAsync()).TryGetProperty("rebuild", out _));
        using (var approving = await _approver.PostAsJsonAsync("/api/reports/approvals", new { period = "2005" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, approving.StatusCode);
        }

        // A duplicate delivery of page a (same message id) and a duplicate marker do not complete it.
        await FeedbackAsync("f-a", 2, a);
        await MarkerAsync(id, "procedures", a);
        Assert.Equal("rebuilding", await StateAsync(id));

        await FeedbackAsync("f-b", 2, b);

        var done = await StatusAsync(id);
        Assert.Equal("complete", done.GetProperty("state").GetString());
        Assert.True(done.GetProperty("completedAt").ValueKind == JsonValueKind.String);
        Assert.All(done.GetProperty("services").EnumerateArray(), s => Assert.True(s.GetProperty("done").GetBoolean()));
        Assert.False((await AppendixAsync()).TryGetProperty("rebuild", out _));
        Assert.DoesNotContain("Đang dựng lại", await _app.CreateClient().GetStringAsync("/reports/appendices/3?periods=2005"), StringComparison.Ordinal);
        // The latest rebuild is this one; a new one may start.
        Assert.Equal(id, (await JsonAsync(_operator, "/api/reports/rebuild")).GetProperty("id").GetGuid());
        using var again = await _operator.PostAsync("/api/reports/rebuild", null);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
    }

    [Fact]
    public async Task TheStatusOfAnUnknownRebuild_Is404_AndReadingItNeedsReportingRead()
    {
        using (var anonymous = _app.CreateClient(null))
        using (var refused = await anonymous.GetAsync("/api/reports/rebuild"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        using var none = await _operator.GetAsync($"/api/reports/rebuild/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Contains("Không có lần dựng lại", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> StartAsync()
    {
        using var started = await _operator.PostAsync("/api/reports/rebuild", null);
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        return JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private Task FeedbackAsync(string id, int version, Guid? messageId = null) =>
        _app.ConsumeAsync<FeedbackRecordedConsumer, FeedbackRecorded>(new()
        {
            Items = [new FeedbackState { FeedbackId = id, Version = version, ReceivedAt = March2005 }],
            OccurredAt = March2005,
        }, messageId);

    private Task MarkerAsync(Guid rebuildId, string service, params Guid[] ids) =>
        _app.ConsumeAsync<FactsRepublishedConsumer, FactsRepublished>(new()
        {
            RebuildId = rebuildId, Service = service, MessageIds = ids, Records = ids.Length, RepublishedAt = DateTimeOffset.UtcNow,
        });

    private async Task<string?> StateAsync(Guid id) => (await StatusAsync(id)).GetProperty("state").GetString();

    private Task<JsonElement> StatusAsync(Guid id) => JsonAsync(_operator, $"/api/reports/rebuild/{id}");

    private Task<JsonElement> AppendixAsync() => JsonAsync(_app.CreateClient(), "/api/reports/appendices/3?periods=2005");

    private static async Task<JsonElement> JsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
