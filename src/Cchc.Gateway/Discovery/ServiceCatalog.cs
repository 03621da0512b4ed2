using Cchc.Gateway.Routing;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Cchc.Gateway.Discovery;

/// <summary>
/// Every gRPC service a caller can reach through the gateway's gRPC port, from the published contracts
/// (src/Cchc.Contracts/protos, compiled into the gateway as descriptors) plus the gateway's own health and reflection.
/// It is what the gateway's merged server reflection serves and what health by name accepts. A contract service is
/// owned by the backend whose proto package it is in (<see cref="Backend.GrpcPackage"/>); a contract outside every
/// backend's package (cchc.audit.v1, cchc.reference.v1) is hosted by several services, one chosen per call with the
/// <c>x-cchc-service</c> header.
/// </summary>
internal sealed class ServiceCatalog
{
    /// <summary>The published contracts' files. A test checks that every .proto under src/Cchc.Contracts/protos is here.</summary>
    private static readonly FileDescriptor[] ContractFiles =
    [
        Cchc.Procedures.Api.Grpc.ProceduresReflection.Descriptor,
        Cchc.Reporting.Api.Grpc.ReportingReflection.Descriptor,
        Cchc.Legal.Api.Grpc.LegalReflection.Descriptor,
        Cchc.Organisation.Api.Grpc.OrganisationReflection.Descriptor,
        Cchc.Finance.Api.Grpc.FinanceReflection.Descriptor,
        Cchc.Egov.Api.Grpc.EgovReflection.Descriptor,
        Cchc.Integration.Api.Grpc.IntegrationReflection.Descriptor,
        Cchc.Programme.Api.Grpc.ProgrammeReflection.Descriptor,
        Cchc.ReferenceData.Grpc.ReferenceReflection.Descriptor,
        Cchc.Security.Audit.Grpc.AuditReflection.Descriptor,
        // The access declarations every contract imports (a client resolving a contract from reflection asks for it too).
        Cchc.Contracts.Security.V1.AccessReflection.Descriptor,
    ];

    /// <summary>The gateway's own standard services (answered by the gateway itself without the header).</summary>
    private static readonly ServiceDescriptor[] GatewayServices =
    [
        Grpc.Health.V1.Health.Descriptor,
        Grpc.Reflection.V1.ServerReflection.Descriptor,
        Grpc.Reflection.V1Alpha.ServerReflection.Descriptor,
    ];

    private readonly Dictionary<string, ServiceDescriptor> _contractServices;

    public ServiceCatalog()
        : this(ContractFiles, GatewayRoutes.Backends)
    {
    }

    internal ServiceCatalog(IEnumerable<FileDescriptor> contractFiles, IReadOnlyList<Backend> backends)
    {
        Backends = backends;
        Files = contractFiles.ToList();
        _contractServices = Files.SelectMany(f => f.Services).ToDictionary(s => s.FullName, StringComparer.Ordinal);
        Services = [.. _contractServices.Values.OrderBy(s => s.FullName, StringComparer.Ordinal), .. GatewayServices];
    }

    public IReadOnlyList<Backend> Backends { get; }

    /// <summary>The contract files (proto names such as cchc/procedures/v1/procedures.proto).</summary>
    public IReadOnlyList<FileDescriptor> Files { get; }

    /// <summary>What reflection lists: every contract service, then grpc.health.v1.Health and server reflection (v1, v1alpha).</summary>
    public IReadOnlyList<ServiceDescriptor> Services { get; }

    public static bool IsGatewayService(string fullName) => GatewayServices.Any(s => s.FullName == fullName);

    public bool IsContractService(string fullName) => _contractServices.ContainsKey(fullName);

    /// <summary>The backends that may host <paramref name="fullName"/>: its package's owner, or every backend for a shared contract.</summary>
    public IReadOnlyList<Backend> HostsOf(string fullName)
    {
        if (!IsContractService(fullName))
        {
            return [];
        }
        var owner = Backends.FirstOrDefault(b => fullName.StartsWith(b.GrpcPackage + ".", StringComparison.Ordinal));
        return owner is null ? Backends : [owner];
    }

    /// <summary>A contract hosted by several services (audit, unit reference data): a call needs the x-cchc-service header.</summary>
    public bool IsShared(string fullName) => IsContractService(fullName) && HostsOf(fullName).Count != 1;
}
