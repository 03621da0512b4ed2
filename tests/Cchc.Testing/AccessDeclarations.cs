using Cchc.Contracts.Security.V1;
using Cchc.Security.Authorization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Cchc.Testing;

/// <summary>
/// Checks a service's rule table against the access each RPC of the published contract declares
/// (<c>option (cchc.security.v1.access)</c>, src/Cchc.Contracts/protos/cchc/security/v1/access.proto): the declaration is
/// the statement of intent a reviewer reads; the table is what the service enforces. Every disagreement, every RPC
/// without a declaration or without a rule, and every declaration that contradicts itself (a write asking for a read
/// scope, a write without a unit rule) is reported as one line.
/// </summary>
public static class AccessDeclarations
{
    /// <summary>The declaration of <paramref name="method"/>, or null.</summary>
    public static Access? Of(MethodDescriptor method) =>
        method.GetOptions()?.HasExtension(AccessExtensions.Access) == true ? method.GetOptions().GetExtension(AccessExtensions.Access) : null;

    /// <summary>The gRPC methods a host maps (paths /package.Service/Method), from its endpoints.</summary>
    public static IReadOnlyList<string> ServedMethods(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>())
            .OfType<GrpcMethodMetadata>()
            .Select(m => m.Method.FullName)
            .Where(m => !m.Contains("unimplemented", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>The contracts the shared libraries add to a service that maps them: the audit API and the unit reference copy's status.</summary>
    public static readonly IReadOnlyList<ServiceDescriptor> SharedContracts =
        [Cchc.Security.Audit.Grpc.AuditService.Descriptor, Cchc.ReferenceData.Grpc.UnitReference.Descriptor];

    /// <summary>
    /// Where the host behind <paramref name="services"/> disagrees with its contracts: its rule table
    /// (<see cref="GrpcRuleTable"/> as registered) against the declarations of every method of its own
    /// <paramref name="contracts"/> and of the <see cref="SharedContracts"/> it serves; every RPC it serves (health and
    /// reflection aside) must be one of them.
    /// </summary>
    public static IReadOnlyList<string> Disagreements(IServiceProvider services, params ServiceDescriptor[] contracts)
    {
        var served = ServedMethods(services);
        var shared = SharedContracts.Where(c => c.Methods.Any(m => served.Contains(GrpcRuleTable.PathOf(m))));
        return Disagreements(services.GetRequiredService<GrpcRuleTable>().Rules, contracts.Concat(shared), served);
    }

    /// <summary>Where <paramref name="rules"/> disagree with the declarations of <paramref name="contracts"/> (empty: none).</summary>
    /// <param name="served">The methods a host serves; each must be declared by one of the contracts.</param>
    public static IReadOnlyList<string> Disagreements(IEnumerable<GrpcRule> rules, IEnumerable<ServiceDescriptor> contracts, IEnumerable<string>? served = null)
    {
        var problems = new List<string>();
        var byPath = rules.ToDictionary(r => r.Method, StringComparer.Ordinal);
        var methods = contracts.SelectMany(c => c.Methods).ToDictionary(GrpcRuleTable.PathOf, StringComparer.Ordinal);

        foreach (var path in (served ?? []).Where(p => !GrpcRuleTable.IsOpen(p) && !methods.ContainsKey(p)))
        {
            problems.Add($"{path}: served, but none of the contracts checked declares it (no access declaration)");
        }
        foreach (var path in byPath.Keys.Where(p => !methods.ContainsKey(p)))
        {
            problems.Add($"{path}: has a rule, but none of the contracts checked declares it");
        }
        foreach (var (path, method) in methods)
        {
            var declared = Of(method);
            if (declared is null)
            {
                problems.Add($"{path}: no access declaration (option (cchc.security.v1.access)) in {method.File.Name}");
                continue;
            }
            var contradictions = Contradictions(method, declared).ToList();
            if (contradictions.Count > 0)
            {
                problems.Add($"{path}: the declaration {Describe(declared)} {string.Join("; ", contradictions)}");
            }
            if (!byPath.TryGetValue(path, out var rule))
            {
                problems.Add($"{path}: declared {Describe(declared)}, but the rule table has no rule (it is refused to everyone)");
                continue;
            }
            var differences = Differences(method, declared, rule).ToList();
            if (differences.Count > 0)
            {
                problems.Add($"{path}: declared {Describe(declared)}, but the rule {string.Join("; ", differences)}");
            }
        }
        return problems;
    }

    /// <summary>Rights that are writes without the ".write" suffix: approving the report of a period (docs/adr/0028).</summary>
    private static readonly HashSet<string> WriteRights = ["reporting.approve"];

    /// <summary>A declaration that cannot be right whatever the table says.</summary>
    private static IEnumerable<string> Contradictions(MethodDescriptor method, Access declared)
    {
        switch (declared.KindCase)
        {
            case Access.KindOneofCase.None:
                yield return "names no scope (read or write)";
                yield break;
            case Access.KindOneofCase.Write when !declared.Write.EndsWith(".write", StringComparison.Ordinal) && !WriteRights.Contains(declared.Write):
                yield return "is a write asking for a scope that is not a write scope";
                break;
            case Access.KindOneofCase.Read when declared.Read.EndsWith(".write", StringComparison.Ordinal):
                yield return "is a read asking for a write scope";
                break;
        }
        if (declared.KindCase == Access.KindOneofCase.Write && declared.Unit == UnitRule.None)
        {
            yield return "is a write without a unit rule (every write is checked against the caller's units)";
        }
        if (declared.Unit == UnitRule.RequestField)
        {
            if (method.IsClientStreaming)
            {
                yield return "reads the unit from the request of a client-streaming call (there is none before the call runs)";
            }
            else if (FieldPath(method.InputType, declared.UnitField) is null)
            {
                yield return $"names unit_field \"{declared.UnitField}\", which is not a string field of {method.InputType.FullName}";
            }
        }
        else if (declared.UnitField.Length > 0)
        {
            yield return "names a unit_field without UNIT_RULE_REQUEST_FIELD";
        }
    }

    /// <summary>How <paramref name="rule"/> differs from <paramref name="declared"/>.</summary>
    private static IEnumerable<string> Differences(MethodDescriptor method, Access declared, GrpcRule rule)
    {
        var isWrite = declared.KindCase == Access.KindOneofCase.Write;
        var scope = isWrite ? declared.Write : declared.Read;
        if (rule.IsWrite != isWrite)
        {
            yield return $"treats it as a {(rule.IsWrite ? "write" : "read")} (a write is audited and idempotent; a read is neither)";
        }
        if (rule.Scope != scope)
        {
            yield return $"asks for scope {rule.Scope}";
        }
        var unit = declared.Unit switch
        {
            UnitRule.None => UnitCheck.None,
            UnitRule.Province => UnitCheck.Province,
            UnitRule.RequestField => UnitCheck.FromRequest,
            UnitRule.CheckedByService => UnitCheck.ByService,
            var other => throw new InvalidOperationException($"Unknown unit rule {other}."),
        };
        if (rule.Unit != unit)
        {
            yield return $"checks the unit as {rule.Unit}";
            yield break;
        }
        if (unit != UnitCheck.FromRequest)
        {
            if (rule.UnitOf is not null)
            {
                yield return "reads a unit from the request it does not check";
            }
            yield break;
        }
        if (rule.UnitField != declared.UnitField)
        {
            yield return $"names the unit field \"{rule.UnitField}\" in its refusals";
        }
        // The rule must read the unit from the declared field: a request holding a marker there, and nothing elsewhere.
        const string marker = "đơn vị kiểm tra khai báo";
        var request = RequestWith(method.InputType, declared.UnitField, marker);
        if (request is not null && rule.UnitOf?.Invoke(request) != marker)
        {
            yield return $"does not read the unit from {declared.UnitField} (it read \"{rule.UnitOf?.Invoke(request)}\")";
        }
    }

    private static string Describe(Access declared) =>
        $"{{{declared.KindCase.ToString().ToLowerInvariant()}: {(declared.KindCase == Access.KindOneofCase.Write ? declared.Write : declared.Read)}, unit: {declared.Unit}"
        + (declared.UnitField.Length > 0 ? $" {declared.UnitField}" : "") + "}";

    /// <summary>The fields along a dotted path ending in a singular string field, or null.</summary>
    private static List<FieldDescriptor>? FieldPath(MessageDescriptor message, string path)
    {
        var fields = new List<FieldDescriptor>();
        var current = message;
        var names = path.Split('.');
        for (var i = 0; i < names.Length; i++)
        {
            var field = current?.FindFieldByName(names[i]);
            if (field is null || field.IsRepeated || field.IsMap)
            {
                return null;
            }
            fields.Add(field);
            if (i < names.Length - 1)
            {
                if (field.FieldType != FieldType.Message)
                {
                    return null;
                }
                current = field.MessageType;
            }
            else if (field.FieldType != FieldType.String)
            {
                return null;
            }
        }
        return fields;
    }

    /// <summary>A request of type <paramref name="type"/> whose field at <paramref name="path"/> holds <paramref name="value"/>.</summary>
    private static IMessage? RequestWith(MessageDescriptor type, string path, string value)
    {
        if (FieldPath(type, path) is not { } fields)
        {
            return null;
        }
        var request = (IMessage)Activator.CreateInstance(type.ClrType)!;
        var current = request;
        foreach (var field in fields.SkipLast(1))
        {
            var child = (IMessage)Activator.CreateInstance(field.MessageType.ClrType)!;
            field.Accessor.SetValue(current, child);
            current = child;
        }
        fields[^1].Accessor.SetValue(current, value);
        return request;
    }
}
