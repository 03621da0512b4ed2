using System.Text.Json;
using System.Text.Json.Serialization;
using Cchc.Contracts.Security;
using Cchc.Identity.Units;

namespace Cchc.Identity.Clients;

/// <summary>A scope the token service knows, with the resources (token audiences) it grants access to.</summary>
public sealed record ScopeRegistration(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("displayName")] string? DisplayName,
    [property: JsonPropertyName("resources")] IReadOnlyList<string>? Resources);

/// <summary>
/// A department system allowed to obtain tokens: its scopes, the units it acts for (<c>"*"</c> = every unit) and the
/// units whose whole subtree it acts for. Its secret is never here (see <see cref="ClientSecretsFile"/>).
/// </summary>
public sealed record ClientRegistration(
    [property: JsonPropertyName("clientId")] string ClientId,
    [property: JsonPropertyName("displayName")] string? DisplayName,
    [property: JsonPropertyName("scopes")] IReadOnlyList<string>? Scopes,
    [property: JsonPropertyName("units")] IReadOnlyList<string>? Units,
    [property: JsonPropertyName("unitSubtrees")] IReadOnlyList<string>? UnitSubtrees);

/// <summary>The registration file (<c>Identity:Clients:RegistrationFile</c>): every scope and client, committed, no secrets.</summary>
public sealed record ClientRegistrationFile(
    [property: JsonPropertyName("scopes")] IReadOnlyList<ScopeRegistration> Scopes,
    [property: JsonPropertyName("clients")] IReadOnlyList<ClientRegistration> Clients)
{
    public static ClientRegistrationFile Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The client registration file {path} does not exist (setting Identity:Clients:RegistrationFile).");
        }
        using var stream = File.OpenRead(path);
        var file = JsonSerializer.Deserialize<ClientRegistrationFile>(stream, new JsonSerializerOptions { AllowTrailingCommas = true, ReadCommentHandling = JsonCommentHandling.Skip })
            ?? throw new InvalidOperationException($"The client registration file {path} is empty.");
        return file with { Scopes = file.Scopes ?? [], Clients = file.Clients ?? [] };
    }

    /// <summary>Every problem that would make a registered client unusable or wrong, in words an operator can act on.</summary>
    public IReadOnlyList<string> Validate(UnitTree units)
    {
        var problems = new List<string>();
        var scopeNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scope in Scopes)
        {
            if (string.IsNullOrWhiteSpace(scope.Name) || scope.Name.Contains(' ', StringComparison.Ordinal))
            {
                problems.Add($"scope '{scope.Name}': a scope name is one word without spaces.");
            }
            else if (!scopeNames.Add(scope.Name))
            {
                problems.Add($"scope '{scope.Name}' is registered twice.");
            }
            if (scope.Resources is not { Count: > 0 })
            {
                problems.Add($"scope '{scope.Name}' has no resource (expected [\"{TokenContract.Audience}\"]).");
            }
        }

        var clientIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var client in Clients)
        {
            var id = client.ClientId;
            if (string.IsNullOrWhiteSpace(id) || id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            {
                problems.Add($"client '{id}': a client id uses only ASCII letters, digits, '-', '_' and '.'.");
                continue;
            }
            if (!clientIds.Add(id))
            {
                problems.Add($"client '{id}' is registered twice.");
            }
            if (client.Scopes is not { Count: > 0 })
            {
                problems.Add($"client '{id}' has no scope.");
            }
            foreach (var scope in client.Scopes ?? [])
            {
                if (!scopeNames.Contains(scope))
                {
                    problems.Add($"client '{id}': scope '{scope}' is not in the file's scopes.");
                }
            }
            var unitCount = (client.Units?.Count ?? 0) + (client.UnitSubtrees?.Count ?? 0);
            if (unitCount == 0)
            {
                problems.Add($"client '{id}' is bound to no unit (give \"units\": [\"{TokenContract.AllUnits}\"] for a province-wide system).");
            }
            foreach (var unit in client.Units ?? [])
            {
                if (unit != TokenContract.AllUnits && !units.Contains(unit))
                {
                    problems.Add($"client '{id}': unit '{unit}' is not in the unit tree.");
                }
            }
            foreach (var unit in client.UnitSubtrees ?? [])
            {
                if (!units.Contains(unit))
                {
                    problems.Add($"client '{id}': subtree unit '{unit}' is not in the unit tree.");
                }
            }
            if (client.Units?.Contains(TokenContract.AllUnits) == true && unitCount > 1)
            {
                problems.Add($"client '{id}': \"{TokenContract.AllUnits}\" means every unit; give it alone.");
            }
        }
        return problems;
    }
}
