using Cchc.Integration.Api.Exchange;
using Grpc.Core;

namespace Cchc.Integration.Api.Grpc;

/// <summary>Catalogue synchronisation from the national procedure database.</summary>
public sealed class CatalogueSyncGrpcService(CatalogueSync sync) : CatalogueSyncService.CatalogueSyncServiceBase
{
    public override async Task<CatalogueSyncReport> SyncCatalogue(SyncCatalogueRequest request, ServerCallContext context)
    {
        if (request.ChangedSince.Length > 0
            && !DateTime.TryParseExact(request.ChangedSince, "yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
        {
            throw DomainException.Invalid("changed_since", "phải là thời điểm dạng yyyyMMddHHmmss (giờ Việt Nam)");
        }
        try
        {
            return await sync.RunAsync(request.ChangedSince, context.CancellationToken);
        }
        catch (ExchangeFailedException e)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"không lấy được danh sách thủ tục thay đổi từ CSDL quốc gia: {e.Message}"));
        }
    }
}
