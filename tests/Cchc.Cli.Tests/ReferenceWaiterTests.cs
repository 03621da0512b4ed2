using Cchc.Cli.Commands;
using Cchc.Cli.Loading;
using Cchc.ReferenceData.Grpc;
using Grpc.Core;

namespace Cchc.Cli.Tests;

public sealed class ReferenceWaiterTests
{
    [Fact]
    public async Task Waits_UntilEveryServiceReportsTheRevision_AskingEachByTheServiceHeader()
    {
        // procedures catches up on its 3rd answer, legal on its 1st; a transient UNAVAILABLE in between is retried.
        var gateway = new FakeGateway(new()
        {
            ["procedures"] = [Answer(3), Unavailable(), Answer(7)],
            ["legal"] = [Answer(9)],
        });
        var waiter = new ReferenceWaiter(gateway, new ProgressWriter(TextWriter.Null)) { PollInterval = TimeSpan.FromMilliseconds(1) };

        await waiter.WaitAsync(7, ["procedures", "legal"], TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.Equal(["procedures", "legal", "procedures", "procedures"], gateway.Asked);
    }

    [Fact]
    public async Task FailsAtTheDeadline_NamingTheServicesBehind()
    {
        var gateway = new FakeGateway(new() { ["procedures"] = [Answer(7)], ["legal"] = [Answer(5)] });
        var waiter = new ReferenceWaiter(gateway, new ProgressWriter(TextWriter.Null)) { PollInterval = TimeSpan.FromMilliseconds(5) };

        var ex = await Assert.ThrowsAsync<CommandFailedException>(() =>
            waiter.WaitAsync(7, ["procedures", "legal"], TimeSpan.FromMilliseconds(100), CancellationToken.None));

        Assert.Contains("legal: revision 5", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("procedures:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusal_IsNotRetried()
    {
        var gateway = new FakeGateway(new() { ["procedures"] = [() => throw new RpcException(new Status(StatusCode.PermissionDenied, "thiếu quyền"))] });
        var waiter = new ReferenceWaiter(gateway, new ProgressWriter(TextWriter.Null));

        var ex = await Assert.ThrowsAsync<RpcException>(() => waiter.WaitAsync(1, ["procedures"], TimeSpan.FromSeconds(10), CancellationToken.None));
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }

    private static Func<GetStatusResponse> Answer(long revision) => () => new GetStatusResponse { Revision = revision, Units = 10 };

    private static Func<GetStatusResponse> Unavailable() => () => throw new RpcException(new Status(StatusCode.Unavailable, "starting"));

    /// <summary>Answers GetStatus per x-cchc-service header from a script (the last answer repeats).</summary>
    private sealed class FakeGateway(Dictionary<string, List<Func<GetStatusResponse>>> script) : CallInvoker
    {
        public List<string> Asked { get; } = [];

        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host,
            CallOptions options, TRequest request)
        {
            Assert.Equal("/cchc.reference.v1.UnitReference/GetStatus", method.FullName);
            var key = options.Headers?.GetValue(ReferenceWaiter.ServiceHeader) ?? throw new InvalidOperationException("no service header");
            Asked.Add(key);
            var answers = script[key];
            var answer = answers[0];
            if (answers.Count > 1)
            {
                answers.RemoveAt(0);
            }
            Task<TResponse> response;
            try
            {
                response = Task.FromResult((TResponse)(object)answer());
            }
            catch (RpcException e)
            {
                response = Task.FromException<TResponse>(e);
            }
            return new AsyncUnaryCall<TResponse>(response, Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
        }

        public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
            throw new NotSupportedException();

        public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
            throw new NotSupportedException();

        public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
            throw new NotSupportedException();

        public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
            throw new NotSupportedException();
    }
}
