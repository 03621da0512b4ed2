using Cchc.Reporting.Api.Grpc;
using Cchc.Testing;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Net.Client;

namespace Cchc.Reporting.Tests.Integration;

/// <summary>cchc.reporting.v1.ReportingService/GetAppendix over HTTP/2 to the in-process server.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ReportingGrpcTests(PostgresServer postgres) : IAsyncLifetime
{
    private static readonly Method<GetAppendixRequest, Appendix> GetAppendix = new(
        MethodType.Unary, "cchc.reporting.v1.ReportingService", "GetAppendix",
        Marshallers.Create(r => r.ToByteArray(), GetAppendixRequest.Parser.ParseFrom),
        Marshallers.Create(r => r.ToByteArray(), Appendix.Parser.ParseFrom));

    private ReportingApp _app = null!;
    private GrpcChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _app = await ReportingApp.StartAsync(postgres, "grpc");
        _channel = GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions { HttpHandler = _app.CreateHandler() });
    }

    public async Task DisposeAsync()
    {
        _channel.Dispose();
        await _app.DisposeAsync();
    }

    private Task<Appendix> CallAsync(int number, params string[] periods)
    {
        var request = new GetAppendixRequest { Number = number };
        request.Periods.AddRange(periods);
        return _channel.CreateCallInvoker().AsyncUnaryCall(GetAppendix, null, new CallOptions(), request).ResponseAsync;
    }

    [Fact]
    public async Task GetAppendix_ReturnsTheSameRowsAsTheCalculator_BlanksAsNullValue()
    {
        var appendix = await CallAsync(3, "2019", "2020-01-01..2020-03-31");
        var report = await _app.Appendix3Async("2019", "2020-01-01..2020-03-31");

        Assert.Equal(3, appendix.Number);
        Assert.Equal(["Năm 2019", "Năm 2020 (Tính đến 31/3)"], appendix.Periods.Select(p => p.Label));
        Assert.Equal(report.Rows.Select(r => (r.Definition.Label, r.Definition.Indicator, r.Definition.Heading)),
            appendix.Rows.Select(r => (r.Label, r.Indicator, r.Heading)));
        var total = appendix.Rows.Single(r => r.Indicator == "procedures.in_force.total").Values["2019"];
        Assert.Equal(Value.KindOneofCase.NumberValue, total.KindCase);
        Assert.Equal(0, total.NumberValue);
        var rate = appendix.Rows.Single(r => r.Indicator == "dossiers.on_time_rate.province").Values["2019"];
        Assert.Equal(Value.KindOneofCase.NullValue, rate.KindCase);
        Assert.Empty(appendix.Rows.Single(r => r.Heading && r.Stt == "4").Values);
    }

    [Fact]
    public async Task GetAppendix_WithABadPeriod_IsInvalidArgumentWithAFieldViolation()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => CallAsync(3, "2019", "2019-13-01..2019-12-31"));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("periods", violation.Field);
        Assert.Contains("2019-13-01..2019-12-31", violation.Description);
    }

    [Fact]
    public async Task GetAppendix_ForAnAppendixNotSupported_IsNotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => CallAsync(8, "2019"));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
