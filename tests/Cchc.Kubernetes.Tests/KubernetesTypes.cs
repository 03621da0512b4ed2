using System.Reflection;
using k8s;
using k8s.Models;

namespace Cchc.Kubernetes.Tests;

/// <summary>
/// The Kubernetes API's built-in kinds as the KubernetesClient package models them (Kubernetes 1.34 for 21.x, from the
/// API's OpenAPI document). Deserialising strictly is the schema check: a field the type does not have, a value of the
/// wrong type, an unparsable quantity or an unknown apiVersion/kind fails.
/// </summary>
public static class KubernetesTypes
{
    private static readonly Dictionary<(string ApiVersion, string Kind), Type> Types = typeof(V1Pod).Assembly.GetTypes()
        .Select(t => (Type: t, Entity: t.GetCustomAttribute<KubernetesEntityAttribute>()))
        .Where(p => p.Entity is not null && !p.Type.Name.EndsWith("List", StringComparison.Ordinal))
        .GroupBy(p => (ApiVersion: string.IsNullOrEmpty(p.Entity!.Group) ? p.Entity.ApiVersion : $"{p.Entity.Group}/{p.Entity.ApiVersion}", p.Entity.Kind))
        .ToDictionary(g => g.Key, g => g.First().Type);

    private static readonly MethodInfo Deserializer = typeof(KubernetesYaml).GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Single(m => m.Name == nameof(KubernetesYaml.Deserialize) && m.GetParameters()[0].ParameterType == typeof(string));

    public static bool IsBuiltIn(string apiVersion, string kind) => Types.ContainsKey((apiVersion, kind));

    /// <summary>The object as its KubernetesClient model (strict), or the reason it is not one.</summary>
    public static object Deserialize(Manifest manifest)
    {
        if (!Types.TryGetValue((manifest.ApiVersion, manifest.Kind), out var type))
        {
            throw new InvalidOperationException($"{manifest.ApiVersion} {manifest.Kind} is not a Kubernetes API kind.");
        }
        try
        {
            return Deserializer.MakeGenericMethod(type).Invoke(null, [manifest.Json.ToJsonString(), true])!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw new InvalidOperationException(Describe(ex.InnerException), ex.InnerException);
        }
    }

    public static T As<T>(Manifest manifest) => (T)Deserialize(manifest);

    private static string Describe(Exception exception)
    {
        var messages = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }
        return string.Join(" <- ", messages.Distinct());
    }
}
