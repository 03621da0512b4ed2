using System.Runtime.CompilerServices;
using Grpc.Core;
using Xunit;

namespace Cchc.Testing.Hostile;

/// <summary>
/// A service's hostile-input matrix as an xunit theory: a test class derives from it (in a collection with its own
/// instance of the service's fixture: the checks compare the whole database), gives its RPCs, its caller and its
/// database, and exposes the case names as a static <c>Cases</c> (the theory's data, read from the derived class).
/// </summary>
public abstract class HostileInputTestBase
{
    private static readonly ConditionalWeakTable<object, CallInvoker> Invokers = new();

    /// <summary>The service's write RPCs with their valid requests and domain cases.</summary>
    protected abstract IReadOnlyList<WriteRpc> Rpcs { get; }

    /// <summary>The fixture (one invoker is made per fixture and reused by every case).</summary>
    protected abstract object Fixture { get; }

    /// <summary>A caller with every right the write RPCs need (read, write, every unit).</summary>
    protected abstract CallInvoker CreateInvoker();

    /// <summary>The service's database.</summary>
    protected abstract string ConnectionString { get; }

    [Theory]
    [MemberData("Cases")]
    public Task EveryMalformedInput_IsRefusedNamingItsField_WritesNothing_AndIsAudited(string name) =>
        HostileRunner.RunAsync(Rpcs, name, Invokers.GetValue(Fixture, _ => CreateInvoker()), ConnectionString);
}
