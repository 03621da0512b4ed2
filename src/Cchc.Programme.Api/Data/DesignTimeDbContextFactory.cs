using Cchc.Contracts;
using Cchc.ServiceKit;

namespace Cchc.Programme.Api.Data;

/// <summary>For `dotnet ef migrations add`: builds the model without a database or the web host.</summary>
internal sealed class DesignTimeDbContextFactory() : ServiceDesignTimeFactory<ProgrammeDbContext>(ResourceNames.ProgrammeDb);
