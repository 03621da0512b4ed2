using System.Text;
using Cchc.Procedures.Api.Grpc;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.AspNetCore.Server;
using InputDomain = Cchc.ServiceKit.InputDomain;
using InputGuardInterceptor = Cchc.ServiceKit.InputGuardInterceptor;
using InputText = Cchc.ServiceKit.InputText;
using KitMessages = Cchc.ServiceKit.KitMessages;
using RequestInspector = Cchc.ServiceKit.RequestInspector;
using TimeKind = Cchc.ServiceKit.TimeKind;
using TolerantRequestParsing = Cchc.ServiceKit.TolerantRequestParsing;

namespace Cchc.Procedures.Tests.Unit;

/// <summary>The shared input domain (Cchc.ServiceKit): its text rule, the validator's day and instant kinds, the descriptor walk and tolerant parsing.</summary>
public sealed class InputDomainTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 12, 6, 3, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("UBND huyện Tam Đường", false, null)]
    [InlineData("dòng một\ndòng hai\ttab", true, null)]
    [InlineData("dòng một\ndòng hai", false, KitMessages.LineBreak)]
    [InlineData("a\0b", true, KitMessages.Nul)]
    [InlineData("a\uFFFDb", true, KitMessages.NotUtf8)]
    [InlineData("emoji \U0001F600 ok", false, null)]
    public void Text_IsWellFormedOrNamesItsFault(string text, bool multiLine, string? problem) =>
        Assert.Equal(problem, InputText.Problem(text, multiLine));

    // Not an InlineData: attribute arguments are stored as UTF-8, where a lone surrogate cannot survive.
    [Fact]
    public void ALoneSurrogate_IsNamedAsSuch() => Assert.Equal(KitMessages.LoneSurrogate, InputText.Problem("a\uD800b", multiLine: true));

    [Theory]
    [InlineData('\u0007')]
    [InlineData('\u001b')]
    [InlineData('\u0008')]
    [InlineData('\u007f')]
    [InlineData('\u0085')]
    public void ControlCharacters_AreRefusedEvenInFreeText(char c) =>
        Assert.Equal(KitMessages.ControlCharacter(c), InputText.Problem("a" + c, multiLine: true));

    [Theory]
    [InlineData("\uFFFE")]
    [InlineData("\uFFFF")]
    [InlineData("\uFDD0")]
    [InlineData("\U0001FFFE")]
    [InlineData("\U0010FFFF")]
    public void Noncharacters_AreRefused(string c) => Assert.StartsWith("không được chứa ký tự U+", InputText.Problem("a" + c, multiLine: true), StringComparison.Ordinal);

    [Fact]
    public void Text_IsReturnedInNfc()
    {
        var decomposed = "Tam Đường".Normalize(NormalizationForm.FormD);
        Assert.NotEqual("Tam Đường", decomposed);
        Assert.Equal("Tam Đường", new Validator().Text("unit", decomposed, 300));
        Assert.Equal("Tam Đường", InputText.Normalize(decomposed));
    }

    [Theory]
    [InlineData("1945-09-01", TimeKind.Scheduled, false)]
    [InlineData("1945-09-02", TimeKind.Occurred, true)]
    [InlineData("2026-12-06", TimeKind.Occurred, true)]
    [InlineData("2026-12-07", TimeKind.Occurred, false)]
    [InlineData("2027-12-07", TimeKind.Scheduled, true)]
    [InlineData("2027-12-08", TimeKind.Scheduled, false)]
    [InlineData("9999-12-31", TimeKind.Scheduled, false)]
    [InlineData("0001-01-01", TimeKind.Scheduled, false)]
    public void Days_LieBetweenTheStateFoundingAndTodayOrTheHorizon(string day, TimeKind kind, bool accepted)
    {
        var v = new Validator(clock: Clock);
        var parsed = v.Day("day", day, kind: kind);
        Assert.Equal(accepted, v.IsValid);
        Assert.Equal(accepted, parsed is not null);
    }

    [Fact]
    public void Instants_LieInTheDomain_WithClockSkewForWhatHappened()
    {
        var now = Clock.GetUtcNow();
        var v = new Validator(clock: Clock);
        Assert.NotNull(v.Instant("received_at", Timestamp.FromDateTimeOffset(now.AddMinutes(4))));
        Assert.NotNull(v.Instant("received_at", Timestamp.FromDateTimeOffset(InputDomain.EarliestInstant)));
        Assert.NotNull(v.Instant("due_at", Timestamp.FromDateTimeOffset(now.AddDays(366)), kind: TimeKind.Scheduled));
        Assert.True(v.IsValid);

        Assert.Null(v.Instant("received_at", Timestamp.FromDateTimeOffset(now.AddMinutes(6))));
        Assert.Null(v.Instant("received_at", Timestamp.FromDateTimeOffset(InputDomain.EarliestInstant.AddTicks(-10))));
        Assert.Null(v.Instant("due_at", Timestamp.FromDateTimeOffset(now.AddDays(367)), kind: TimeKind.Scheduled));
        Assert.Equal(["received_at", "received_at", "due_at"], v.Violations.Select(x => x.Field));
    }

    [Theory]
    [InlineData(-1, false)]
    [InlineData(0, true)]
    [InlineData(10_000_000, true)]
    [InlineData(10_000_001, false)]
    [InlineData(long.MaxValue, false)]
    public void Headcounts_AreBounded(long value, bool accepted)
    {
        var v = new Validator();
        v.Count("value", value, InputDomain.MaxHeadcount);
        Assert.Equal(accepted, v.IsValid);
    }

    [Fact]
    public void TheInspector_NamesEveryFieldOutsideTheDomain_ByItsPath_AndNormalisesTheRest()
    {
        var record = new DossierRecord
        {
            DossierId = "HS\0", ProcedureCode = "1.001", ReceivingUnit = "Tam Đường".Normalize(NormalizationForm.FormD),
            UnitLevel = (GovernmentLevel)999, Channel = DossierChannel.Online,
            ReceivedAt = Timestamp.FromDateTimeOffset(new DateTimeOffset(9999, 12, 31, 20, 0, 0, TimeSpan.Zero)),
            DueAt = new Timestamp { Seconds = 1, Nanos = -5 },
        };
        var batch = new DossierRecordBatch { Records = { new DossierRecord(), record } };

        var violations = new RequestInspector(Clock).Inspect(batch, "x.");

        Assert.Equal(["x.records[1].dossier_id", "x.records[1].unit_level", "x.records[1].received_at", "x.records[1].due_at"], violations.Select(v => v.Field));
        Assert.Equal("Tam Đường", record.ReceivingUnit);
    }

    [Fact]
    public void TheInspector_RefusesHugeStringsAndNonFiniteNumbers()
    {
        var huge = new StringValue { Value = new string('x', InputDomain.MaxStringLength + 1) };
        Assert.Equal(KitMessages.TooLong(InputDomain.MaxStringLength), Assert.Single(new RequestInspector(Clock).Inspect(huge)).Description);
        Assert.Equal([KitMessages.NonFinite, KitMessages.NonFinite], new[] { double.NaN, double.PositiveInfinity }
            .Select(d => Assert.Single(new RequestInspector(Clock).Inspect(new DoubleValue { Value = d })).Description));
        Assert.Equal("value", Assert.Single(new RequestInspector(Clock).Inspect(new Int64Value { Value = long.MaxValue })).Field);
        Assert.Empty(new RequestInspector(Clock).Inspect(new DoubleValue { Value = 1.5 }));
    }

    [Fact]
    public void InvalidUtf8_IsReadAsUFFFD_InTheFieldThatHeldIt()
    {
        var bytes = new ReceiveDossierRequest { DossierId = "HS-1", ReceivingUnit = "ZZbad", DueAt = new Timestamp { Seconds = 5 } }.ToByteArray();
        bytes[Array.IndexOf(bytes, (byte)'Z')] = 0xFF;
        Assert.Throws<InvalidProtocolBufferException>(() => ReceiveDossierRequest.Parser.ParseFrom(bytes));

        var request = TolerantRequestParsing.Reparse<ReceiveDossierRequest>(bytes);

        Assert.Equal(("HS-1", "\uFFFDZbad", 5L), (request.DossierId, request.ReceivingUnit, request.DueAt.Seconds));
        Assert.False(TolerantRequestParsing.IsUnreadable(request));
        Assert.Equal("receiving_unit", Assert.Single(new RequestInspector(Clock).Inspect(request)).Field);
    }

    [Fact]
    public void AMalformedRequest_BecomesAnUnreadablePlaceholder()
    {
        var request = TolerantRequestParsing.Reparse<ReceiveDossierRequest>([0x0A, 0x7F, 0x41]);
        Assert.True(TolerantRequestParsing.IsUnreadable(request));
        Assert.Equal(new ReceiveDossierRequest(), request);
    }

    [Fact]
    public void TheGuard_IsPlacedBetweenSecurityAndTheDomainErrorTranslation_Once()
    {
        var options = new GrpcServiceOptions();
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Cchc.ServiceKit.Hosting.DomainInterceptors.Add(options);
        Microsoft.Extensions.DependencyInjection.InputGuardRegistration.AddCchcInputGuard(services);

        Assert.Equal([typeof(Cchc.Security.Grpc.SecurityInterceptor), typeof(InputGuardInterceptor), typeof(DomainExceptionInterceptor)],
            options.Interceptors.Select(i => i.Type));
        Assert.DoesNotContain(services, d => d.ImplementationType?.Name.StartsWith("BinderServiceMethodProvider", StringComparison.Ordinal) == true);
    }
}
