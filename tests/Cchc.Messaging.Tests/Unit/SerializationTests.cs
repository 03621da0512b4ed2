using System.Text.Json;
using Cchc.Contracts.Events.Procedures;
using Cchc.Messaging.Tests.Events;
using Cchc.Messaging.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Cchc.Messaging.Tests.Unit;

public sealed class SerializationTests
{
    private static DossiersRecorded SampleDossiers() => new()
    {
        OccurredAt = new DateTimeOffset(2020, 6, 30, 17, 0, 0, TimeSpan.Zero),
        Dossiers =
        [
            new DossierState
            {
                DossierId = "000.00.17.H33-200601-0001",
                Version = 3,
                ProcedureCode = "1.001234",
                ReceivingUnit = "H33.17",
                UnitLevel = GovernmentLevel.District,
                Channel = DossierChannel.Online,
                Status = DossierStatus.Resolved,
                ReceivedAt = new DateTimeOffset(2020, 6, 1, 1, 30, 0, TimeSpan.Zero),
                DueAt = new DateTimeOffset(2020, 6, 10, 10, 0, 0, TimeSpan.Zero),
                ClosedAt = new DateTimeOffset(2020, 6, 9, 8, 0, 0, TimeSpan.Zero),
            },
        ],
    };

    /// <summary>The payload exactly as AddIntegrationEvent writes it to outbox_messages.</summary>
    private static string PayloadOf(object @event)
    {
        using var db = new TestDbContext(new DbContextOptionsBuilder<TestDbContext>().UseNpgsql("Host=127.0.0.1;Port=1;Database=unused").Options);
        db.AddIntegrationEvent(@event);
        return db.ChangeTracker.Entries<OutboxMessage>().Single().Entity.Payload;
    }

    [Fact]
    public void OutboxPayload_RoundTripsAContractRecordWithRequiredMembersAndEnums()
    {
        var original = SampleDossiers();

        var payload = PayloadOf(original);
        var copy = (DossiersRecorded)JsonSerializer.Deserialize(payload, typeof(DossiersRecorded), MessagingJson.Options)!;

        Assert.Equal(original.OccurredAt, copy.OccurredAt);
        Assert.Equal(original.Dossiers.Single(), copy.Dossiers.Single());
    }

    [Fact]
    public void OutboxPayload_WritesEnumsAsTheirContractNumbers()
    {
        using var json = JsonDocument.Parse(PayloadOf(SampleDossiers()));
        var dossier = json.RootElement.GetProperty("dossiers")[0];

        Assert.Equal((int)GovernmentLevel.District, dossier.GetProperty("unitLevel").GetInt32());
        Assert.Equal((int)DossierStatus.Resolved, dossier.GetProperty("status").GetInt32());
    }

    [Fact]
    public void OutboxPayload_RoundTripsDateOnly()
    {
        var original = new FactRecorded { FactId = "f", Day = new DateOnly(2016, 2, 29), Version = 7 };

        var payload = PayloadOf(original);

        Assert.Contains("\"2016-02-29\"", payload);
        Assert.Equal(original, JsonSerializer.Deserialize<FactRecorded>(payload, MessagingJson.Options));
    }

    [Fact]
    public void ReadingAPayloadWithoutARequiredMember_Fails()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<FactRecorded>("""{"factId":"f","version":1}""", MessagingJson.Options));
    }

    [Fact]
    public void ReadingAPayloadWhoseKeysJsonbReordered_Works()
    {
        // jsonb stores keys sorted by length, then bytes: the reader must not depend on the writer's order.
        var reordered = """{"day": "2020-01-02", "factId": "f", "version": 2}""";

        var copy = JsonSerializer.Deserialize<FactRecorded>(reordered, MessagingJson.Options);

        Assert.Equal(new FactRecorded { FactId = "f", Day = new DateOnly(2020, 1, 2), Version = 2 }, copy);
    }
}
