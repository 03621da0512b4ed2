using Google.Rpc;
using Grpc.Core;

using Xunit;

namespace Cchc.Testing;

/// <summary>Assertions on gRPC failures shared by the services' tests.</summary>
public static class RpcAssert
{
    /// <summary>Asserts the call fails with <paramref name="expected"/> and returns the fields its BadRequest names.</summary>
    public static async Task<IReadOnlyList<string>> FailsAsync(StatusCode expected, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(expected, ex.StatusCode);
        var details = ex.GetRpcStatus()?.GetDetail<BadRequest>();
        return details?.FieldViolations.Select(v => v.Field).ToList() ?? [];
    }

    public static Task<IReadOnlyList<string>> FailsAsync<T>(StatusCode expected, AsyncUnaryCall<T> call) =>
        FailsAsync(expected, async () => await call);
}
