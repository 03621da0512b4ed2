using System.Diagnostics;
using System.Globalization;
using Cchc.Cli.Commands;
using Cchc.Cli.Demo.Finance;
using Cchc.Finance.Api.Grpc;
using Grpc.Core;

namespace Cchc.Cli.Loading;

/// <summary>
/// Loads the public finance data through the gateway: the units' statuses in one idempotent import, the unreported
/// breakdown cells in one idempotent declaration, the budget figures in one idempotent import (a rerun changes nothing).
/// </summary>
internal sealed class FinanceLoader(CallInvoker grpc)
{
    private readonly AutonomyService.AutonomyServiceClient _autonomy = new(grpc);
    private readonly BudgetService.BudgetServiceClient _budget = new(grpc);

    public sealed record Result(ImportResponse Statuses, DeclareUnreportedBreakdownsResponse Unreported, ImportResponse Figures, TimeSpan Elapsed);

    public async Task<Result> LoadAsync(DemoFinance finance, CancellationToken cancellation)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            ImportResponse statuses;
            using (var call = _autonomy.ImportStatuses(cancellationToken: cancellation))
            {
                foreach (var s in finance.Statuses)
                {
                    await call.RequestStream.WriteAsync(ToWire(s), cancellation);
                }
                await call.RequestStream.CompleteAsync();
                statuses = await call;
            }
            var declare = new DeclareUnreportedBreakdownsRequest();
            declare.Items.AddRange(finance.Unreported.Select(u => new UnreportedBreakdown
            {
                Year = u.Year, ParentKind = (ParentKind)(int)u.Parent, Level = (AutonomyLevel)(int)u.Level, SourceDocument = FinanceTargets.SourceDocument,
            }));
            var unreported = await _autonomy.DeclareUnreportedBreakdownsAsync(declare, cancellationToken: cancellation);
            ImportResponse figures;
            using (var call = _budget.ImportBudgetFigures(cancellationToken: cancellation))
            {
                foreach (var f in finance.Figures)
                {
                    await call.RequestStream.WriteAsync(ToWire(f), cancellation);
                }
                await call.RequestStream.CompleteAsync();
                figures = await call;
            }
            return new Result(statuses, unreported, figures, watch.Elapsed);
        }
        catch (RpcException e)
        {
            throw new CommandFailedException($"loading the public finance data failed: {e.StatusCode} {e.Status.Detail}");
        }
    }

    internal static AutonomyStatus ToWire(DemoAutonomyStatus s) => new()
    {
        Unit = s.Unit,
        Regime = (AutonomyRegime)(int)s.Regime,
        Level = (AutonomyLevel)(int)s.Level,
        ParentKind = (ParentKind)(int)s.Parent,
        ParentUnit = s.ParentUnit ?? string.Empty,
        EffectiveFrom = s.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        SourceDocument = FinanceTargets.GeneratedSource,
    };

    internal static BudgetFigure ToWire(DemoBudgetFigure f) => new()
    {
        FigureId = f.Id,
        Kind = (BudgetFigureKind)(int)f.Kind,
        YearFrom = f.YearFrom,
        YearTo = f.YearTo,
        FundingSource = (FundingSource)(int)f.Source,
        Funder = f.Funder ?? string.Empty,
        Amount = f.AmountMillionVnd.ToString(CultureInfo.InvariantCulture),
        MeasureUnit = MeasureUnit.MillionVnd,
        SourceDocument = FinanceTargets.SourceDocument,
    };
}
