using Cchc.ReferenceData.Grpc;
using Grpc.Core;

namespace Cchc.ReferenceData;

/// <summary>cchc.reference.v1.UnitReference over this service's local copy (one implementation, mapped by every service).</summary>
public sealed class UnitReferenceGrpcService(IUnitReference reference) : Grpc.UnitReference.UnitReferenceBase
{
    public override async Task<GetStatusResponse> GetStatus(GetStatusRequest request, ServerCallContext context)
    {
        var (revision, units) = await reference.StatusAsync(context.CancellationToken);
        return new GetStatusResponse { Revision = revision, Units = units };
    }
}
