using Cchc.Procedures.Api.Domain;
using Cchc.Procedures.Api.Grpc;
using Google.Rpc;
using Grpc.Core;

namespace Cchc.Procedures.Tests.Unit;

public sealed class DomainExceptionInterceptorTests
{
    [Theory]
    [InlineData(ErrorKind.InvalidArgument, StatusCode.InvalidArgument)]
    [InlineData(ErrorKind.NotFound, StatusCode.NotFound)]
    [InlineData(ErrorKind.AlreadyExists, StatusCode.AlreadyExists)]
    [InlineData(ErrorKind.FailedPrecondition, StatusCode.FailedPrecondition)]
    [InlineData(ErrorKind.Aborted, StatusCode.Aborted)]
    public void ToRpcException_UsesTheStatusOfTheKind(ErrorKind kind, StatusCode expected)
    {
        var ex = DomainExceptionInterceptor.ToRpcException(new DomainException(kind, "m", []));
        Assert.Equal(expected, ex.StatusCode);
    }

    [Fact]
    public void ToRpcException_CarriesTheFieldViolationsAsBadRequest()
    {
        var ex = DomainExceptionInterceptor.ToRpcException(DomainException.Invalid(
            [new FieldViolation("due_at", Messages.DueBeforeReceived), new FieldViolation("channel", Messages.Required)]));

        var status = ex.GetRpcStatus()!;
        var details = status.GetDetail<BadRequest>()!;

        Assert.Equal("due_at: hạn trả kết quả phải sau thời điểm tiếp nhận; channel: bắt buộc phải có giá trị", status.Message);
        Assert.Equal(["due_at", "channel"], details.FieldViolations.Select(v => v.Field));
        Assert.Equal(Messages.DueBeforeReceived, details.FieldViolations[0].Description);
    }
}
