using Microsoft.EntityFrameworkCore;

namespace Cchc.Identity.Data;

/// <summary>
/// The token service's database (<c>identitydb</c>): only OpenIddict's entities (applications = registered clients
/// with hashed secrets, scopes; authorizations and tokens stay empty: tokens are self-contained JWTs).
/// </summary>
public sealed class IdentityDbContext(DbContextOptions<IdentityDbContext> options) : DbContext(options);
