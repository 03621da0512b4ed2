using System.Collections.Frozen;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace Cchc.Security.Authorization;

/// <summary>How a rule checks the organisation unit of a call.</summary>
public enum UnitCheck
{
    /// <summary>No unit check (reads, province-wide queries).</summary>
    None,

    /// <summary>The caller must act for every unit (<c>*</c>): province-wide data such as the procedure catalogue.</summary>
    Province,

    /// <summary>The unit is a field of the request message, checked before the service runs.</summary>
    FromRequest,

    /// <summary>The service checks the unit itself with <see cref="RequestSecurity.EnsureUnit"/> (stored records, streamed records).</summary>
    ByService,
}

/// <summary>One method's rule: the scope it needs, whether it writes (audited, idempotent) and how its unit is checked.</summary>
public sealed record GrpcRule(string Method, string Scope, bool IsWrite, UnitCheck Unit)
{
    internal Func<IMessage, string?>? UnitOf { get; init; }

    /// <summary>The request field holding the unit, named in a refusal.</summary>
    public string UnitField { get; init; } = "unit";

    internal Func<IMessage, string?>? TargetOf { get; init; }
}

/// <summary>
/// A service's explicit authorization rules, keyed by gRPC method path (<c>/package.Service/Method</c>). The server
/// interceptor refuses any method without a rule (deny by default); only the standard health and reflection services
/// are open.
/// </summary>
public sealed class GrpcRuleTable
{
    /// <summary>Services every host serves openly: they reveal only what the API guide publishes.</summary>
    public static readonly FrozenSet<string> OpenServices = new[]
    {
        "grpc.health.v1.Health",
        "grpc.reflection.v1.ServerReflection",
        "grpc.reflection.v1alpha.ServerReflection",
    }.ToFrozenSet(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, GrpcRule> rules;

    internal GrpcRuleTable(IEnumerable<GrpcRule> rules) =>
        this.rules = rules.ToFrozenDictionary(r => r.Method, StringComparer.Ordinal);

    public IReadOnlyCollection<GrpcRule> Rules => rules.Values;

    public GrpcRule? Find(string method) => rules.GetValueOrDefault(method);

    /// <summary>Whether <paramref name="method"/> (a path /package.Service/Method) belongs to an open standard service.</summary>
    public static bool IsOpen(string method)
    {
        var span = method.AsSpan().TrimStart('/');
        var slash = span.IndexOf('/');
        return slash > 0 && OpenServices.GetAlternateLookup<ReadOnlySpan<char>>().Contains(span[..slash]);
    }

    public static string PathOf(MethodDescriptor method) => $"/{method.Service.FullName}/{method.Name}";

    public static GrpcRuleTable Build(Action<GrpcRuleTableBuilder> configure)
    {
        var builder = new GrpcRuleTableBuilder();
        configure(builder);
        return new GrpcRuleTable(builder.Rules);
    }
}

/// <summary>Collects rules service by service, checking each method name against the service's generated descriptor.</summary>
public sealed class GrpcRuleTableBuilder
{
    internal List<GrpcRule> Rules { get; } = [];

    public GrpcRuleTableBuilder Service(ServiceDescriptor service, Action<ServiceRules> configure)
    {
        configure(new ServiceRules(service, Rules));
        return this;
    }
}

/// <summary>The rules of one gRPC service.</summary>
public sealed class ServiceRules
{
    private readonly ServiceDescriptor service;
    private readonly List<GrpcRule> rules;

    internal ServiceRules(ServiceDescriptor service, List<GrpcRule> rules) => (this.service, this.rules) = (service, rules);

    /// <summary>A read: needs <paramref name="scope"/>; not audited unless refused; no unit check.</summary>
    public ServiceRules Read(string method, string scope) => Add(method, scope, isWrite: false, UnitCheck.None, null, null);

    /// <summary>A read limited to the unit named in the request (empty: every unit, which needs <c>*</c>).</summary>
    public ServiceRules ReadForUnit<TRequest>(string method, string scope, Func<TRequest, string?> unit, string field) where TRequest : IMessage =>
        Add(method, scope, isWrite: false, UnitCheck.FromRequest, m => unit((TRequest)m), null, field);

    /// <summary>A write whose unit is a request field.</summary>
    public ServiceRules WriteForUnit<TRequest>(string method, string scope, Func<TRequest, string?> unit, string field, Func<TRequest, string?>? target = null)
        where TRequest : IMessage =>
        Add(method, scope, isWrite: true, UnitCheck.FromRequest, m => unit((TRequest)m), target is null ? null : m => target((TRequest)m), field);

    /// <summary>A write on province-wide data: the caller needs unit <c>*</c>.</summary>
    public ServiceRules WriteForProvince<TRequest>(string method, string scope, Func<TRequest, string?>? target = null) where TRequest : IMessage =>
        Add(method, scope, isWrite: true, UnitCheck.Province, null, target is null ? null : m => target((TRequest)m));

    /// <summary>A write whose unit only the service knows (a stored record's unit, each streamed record's unit).</summary>
    public ServiceRules WriteCheckedByService<TRequest>(string method, string scope, Func<TRequest, string?>? target = null) where TRequest : IMessage =>
        Add(method, scope, isWrite: true, UnitCheck.ByService, null, target is null ? null : m => target((TRequest)m));

    /// <summary>A client-streaming write whose records' units the service checks.</summary>
    public ServiceRules StreamingWriteCheckedByService(string method, string scope) =>
        Add(method, scope, isWrite: true, UnitCheck.ByService, null, null);

    private ServiceRules Add(string method, string scope, bool isWrite, UnitCheck unit, Func<IMessage, string?>? unitOf, Func<IMessage, string?>? targetOf, string field = "unit")
    {
        var descriptor = service.FindMethodByName(method)
            ?? throw new InvalidOperationException($"{service.FullName} has no method {method}: the rule table is out of date.");
        var path = GrpcRuleTable.PathOf(descriptor);
        if (rules.Any(r => r.Method == path))
        {
            throw new InvalidOperationException($"Two rules for {path}.");
        }
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        rules.Add(new GrpcRule(path, scope, isWrite, unit) { UnitOf = unitOf, TargetOf = targetOf, UnitField = field });
        return this;
    }
}
