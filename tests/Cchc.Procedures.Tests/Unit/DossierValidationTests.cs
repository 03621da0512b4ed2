using Cchc.Procedures.Api.Domain;
using Cchc.Procedures.Api.Grpc;
using Events = Cchc.Contracts.Events.Procedures;

namespace Cchc.Procedures.Tests.Unit;

public sealed class DossierValidationTests
{
    [Fact]
    public void Receive_CompleteRequest_BecomesAReceivedDossier()
    {
        var facts = DossierValidation.Receive(TestData.Receive("HS-1", "1.001"));

        Assert.Equal("HS-1", facts.DossierId);
        Assert.Equal(Events.DossierStatus.Received, facts.Status);
        Assert.Equal(Events.GovernmentLevel.Commune, facts.UnitLevel);
        Assert.Equal(TestData.May2, facts.ReceivedAt);
        Assert.Equal(TestData.May2.AddDays(3), facts.DueAt);
        Assert.Null(facts.ClosedAt);
    }

    [Fact]
    public void Receive_EmptyRequest_NamesEveryRequiredField()
    {
        var ex = Assert.Throws<DomainException>(() => DossierValidation.Receive(new ReceiveDossierRequest()));

        Assert.Equal(ErrorKind.InvalidArgument, ex.Kind);
        Assert.Equal(
            ["dossier_id", "procedure_code", "receiving_unit", "unit_level", "channel", "received_at", "due_at"],
            ex.Violations.Select(v => v.Field));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void Receive_DueAtNotAfterReceivedAt_IsRefusedOnDueAt(int minutesAfterReceipt)
    {
        var request = TestData.Receive("HS-1", "1.001");
        request.DueAt = TestData.At(TestData.May2.AddMinutes(minutesAfterReceipt));

        var ex = Assert.Throws<DomainException>(() => DossierValidation.Receive(request));

        Assert.Equal([new FieldViolation("due_at", Messages.DueBeforeReceived)], ex.Violations);
        Assert.Equal("due_at: hạn trả kết quả phải sau thời điểm tiếp nhận", ex.Message);
    }

    [Fact]
    public void Receive_UndefinedChannel_IsRefused()
    {
        var request = TestData.Receive("HS-1", "1.001");
        request.Channel = (DossierChannel)42;

        var ex = Assert.Throws<DomainException>(() => DossierValidation.Receive(request));

        Assert.Equal([new FieldViolation("channel", Messages.BadEnum)], ex.Violations);
    }

    [Fact]
    public void Record_ResolvedWithoutClosedAt_NeedsClosedAt()
    {
        var record = TestData.Record("HS-1", "1.001");
        record.ClosedAt = null;
        var v = new Validator("records", 7);

        Assert.Null(DossierValidation.Record(record, v));

        Assert.Equal([new FieldViolation("records[7].closed_at", Messages.Required)], v.Violations);
    }

    [Fact]
    public void Record_StillReceivedButWithClosedAt_IsRefused()
    {
        var record = TestData.Record("HS-1", "1.001");
        record.Status = DossierStatus.Received;
        var v = new Validator("records", 0);

        DossierValidation.Record(record, v);

        Assert.Equal([new FieldViolation("records[0].closed_at", Messages.ClosedAtWithoutClosure)], v.Violations);
    }

    [Fact]
    public void Record_ClosedBeforeReceived_IsRefusedOnClosedAt()
    {
        var record = TestData.Record("HS-1", "1.001");
        record.ClosedAt = TestData.At(TestData.May2.AddSeconds(-1));
        var v = new Validator("records", 12345);

        DossierValidation.Record(record, v);

        Assert.Equal([new FieldViolation("records[12345].closed_at", Messages.ClosedBeforeReceived)], v.Violations);
    }

    [Fact]
    public void Record_ClosedAtTheInstantOfReceipt_IsAccepted()
    {
        var record = TestData.Record("HS-1", "1.001");
        record.ClosedAt = record.ReceivedAt;
        var v = new Validator("records", 0);

        var facts = DossierValidation.Record(record, v);

        Assert.True(v.IsValid);
        Assert.Equal(TestData.May2, facts!.ClosedAt);
    }

    [Fact]
    public void Record_UnspecifiedStatus_IsRefused()
    {
        var record = TestData.Record("HS-1", "1.001");
        record.Status = DossierStatus.Unspecified;
        record.ClosedAt = null;
        var v = new Validator("records", 3);

        DossierValidation.Record(record, v);

        Assert.Equal("records[3].status", Assert.Single(v.Violations).Field);
    }

    [Fact]
    public void Close_WithoutClosedAt_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => DossierValidation.Close(new CloseDossierRequest { DossierId = "HS-1" }));
        Assert.Equal([new FieldViolation("closed_at", Messages.Required)], ex.Violations);
    }

    [Fact]
    public void List_ReceivedRange_CoversWholeVietnamDays()
    {
        var query = DossierValidation.List(new ListDossiersRequest { ReceivedFrom = "2019-05-02", ReceivedTo = "2019-05-02" });

        Assert.Equal(new DateTimeOffset(2019, 5, 1, 17, 0, 0, TimeSpan.Zero), query.ReceivedFrom);
        Assert.Equal(new DateTimeOffset(2019, 5, 2, 17, 0, 0, TimeSpan.Zero), query.ReceivedBefore);
        Assert.Equal(TimeSpan.Zero, query.ReceivedFrom!.Value.Offset); // timestamptz parameters must be UTC
        Assert.Equal(50, query.PageSize);
    }

    [Fact]
    public void List_RangeEndingBeforeItStarts_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() =>
            DossierValidation.List(new ListDossiersRequest { ReceivedFrom = "2019-05-03", ReceivedTo = "2019-05-02" }));
        Assert.Equal("received_to", Assert.Single(ex.Violations).Field);
    }

    [Fact]
    public void List_PageTokenOfAnotherFilter_IsRefused()
    {
        var token = PageToken.Encode("HS-9", DossierValidation.List(new ListDossiersRequest { ProcedureCode = "1.001" }).Fingerprint);

        var sameFilter = DossierValidation.List(new ListDossiersRequest { ProcedureCode = "1.001", PageToken = token });
        var ex = Assert.Throws<DomainException>(() =>
            DossierValidation.List(new ListDossiersRequest { ProcedureCode = "1.002", PageToken = token }));

        Assert.Equal("HS-9", sameFilter.After);
        Assert.Equal("page_token", Assert.Single(ex.Violations).Field);
    }
}
