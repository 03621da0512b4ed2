using Cchc.Contracts;
using Cchc.ServiceKit;

namespace Cchc.Integration.Api.Data;

/// <summary>For `dotnet ef migrations add`: builds the model without a database or the web host.</summary>
internal sealed class DesignTimeDbContextFactory() : ServiceDesignTimeFactory<IntegrationDbContext>(ResourceNames.IntegrationDb);
