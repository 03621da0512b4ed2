
namespace Cchc.Reporting.Api.Reports;

public static class ReportCatalog
{
    /// <summary>
    /// Registers every <see cref="IAppendix"/> and <see cref="IKeyFigures"/> (singleton) and <see cref="IIndicatorSource"/> (scoped: they query the
    /// read model) of this assembly, and the <see cref="AppendixCalculator"/>. Adding an appendix or an indicator
    /// family is adding a class; nothing here changes.
    /// </summary>
    public static IServiceCollection AddReportCatalog(this IServiceCollection services)
    {
        var types = typeof(ReportCatalog).Assembly.GetTypes()
            // A private nested type is a helper of its class (Scope/DrillDown's one-row view of an appendix), not a catalogue entry.
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false, IsNestedPrivate: false });
        foreach (var type in types)
        {
            if (typeof(IKeyFigures).IsAssignableFrom(type))
            {
                services.AddSingleton(typeof(IKeyFigures), type);
            }
            else if (typeof(IAppendix).IsAssignableFrom(type))
            {
                services.AddSingleton(typeof(IAppendix), type);
            }
            if (typeof(IIndicatorSource).IsAssignableFrom(type))
            {
                services.AddScoped(typeof(IIndicatorSource), type);
            }
            if (typeof(Scope.IUnitBreakdown).IsAssignableFrom(type))
            {
                services.AddScoped(typeof(Scope.IUnitBreakdown), type);
            }
        }
        services.AddScoped<AppendixCalculator>();
        services.AddSingleton<ComputedReportCache>();
        services.AddScoped<AppendixQuery>();
        services.AddScoped<IndicatorCatalog>();
        services.AddScoped<CivilService.StaffingByUnit>();
        services.AddSingleton<Validation.ValidationRules>();
        services.AddScoped<Validation.ReportChecks>();
        services.AddScoped<Scope.ScopedReports>();
        services.AddScoped<Scope.DrillDown>();
        return services;
    }
}
