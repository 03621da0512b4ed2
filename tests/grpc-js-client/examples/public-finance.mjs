// The API guide's public-finance example: the Department of Finance records the autonomy status of a public service
// unit of the organisation registry (one the demo registers under the provincial committee) and its later change of
// level, asks which status was in force on a day, lists units by level, records a budget figure, and sees how wrong
// requests are refused — a unit must exist in the registry on the status's day. Plain @grpc/grpc-js + the published protos.
// usage: CCHC_ACCESS_TOKEN=<token with finance.write for unit *> node examples/public-finance.mjs [host:port]
//        (default 127.0.0.1:7400; run `npm ci` in tests/grpc-js-client once; locally:
//        CCHC_ACCESS_TOKEN=$(./cchc token cchc-demo-loader), a province-wide demo client with finance.read/finance.write)
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const target = process.argv[2] ?? '127.0.0.1:7400';
const protos = path.join(here, '..', '..', '..', 'src', 'Cchc.Contracts', 'protos');
const v1 = grpc.loadPackageDefinition(protoLoader.loadSync('cchc/finance/v1/finance.proto', {
  includeDirs: [protos], keepCase: false, longs: String, enums: String, defaults: true })).cchc.finance.v1;

const token = process.env.CCHC_ACCESS_TOKEN;
if (!token) throw new Error('set CCHC_ACCESS_TOKEN (locally: CCHC_ACCESS_TOKEN=$(./cchc token cchc-demo-loader))');
const bearer = () => { const m = new grpc.Metadata(); m.set('authorization', `Bearer ${token}`); return m; };
const autonomy = new v1.AutonomyService(target, grpc.credentials.createInsecure());
const budget = new v1.BudgetService(target, grpc.credentials.createInsecure());
const call = (client, method, request) => new Promise((resolve, reject) =>
  client[method](request, bearer(), { deadline: Date.now() + 10_000 }, (err, res) => (err ? reject(err) : resolve(res))));

// Units are named as the organisation registry names them (the demo's registry: ./cchc run loads it first).
const unit = 'Đơn vị sự nghiệp Minh Họa 0003';
const status = (level, effectiveFrom) => ({
  unit, regime: 'AUTONOMY_REGIME_PUBLIC_SERVICE_UNIT', level, parentKind: 'PARENT_KIND_PROVINCIAL_COMMITTEE',
  parentUnit: 'UBND tỉnh Lai Châu', effectiveFrom, sourceDocument: 'Quyết định giao quyền tự chủ (ví dụ)',
});

// 1. Two dated statuses: the second ends the first the day before. Idempotent: running this twice changes nothing.
//    (Days after March 2020, so the example never changes the demo's Appendix 6 for 2015 – 31/3/2020.)
await call(autonomy, 'RecordStatus', { status: status('AUTONOMY_LEVEL_STATE_FUNDED', '2021-01-01') });
const changed = await call(autonomy, 'RecordStatus', { status: status('AUTONOMY_LEVEL_PARTLY_RECURRENT', '2023-07-01') });
console.log(`${changed.unit}: version ${changed.version}, ${changed.statuses.map((s) => `${s.level} ${s.effectiveFrom}..${s.effectiveTo}`).join('; ')}`);

// 2. The status in force on a day.
for (const day of ['2020-12-31', '2022-06-30', '2024-12-31']) {
  const u = await call(autonomy, 'GetUnitAutonomy', { unit, asOf: day });
  console.log(`on ${day}: ${u.current ? u.current.level : 'no status'}`);
}

// 3. Units of the provincial committee partly self-financing on a day (first page).
const page = await call(autonomy, 'ListUnits', { statusOn: '2024-12-31', regime: 'AUTONOMY_REGIME_PUBLIC_SERVICE_UNIT',
  level: 'AUTONOMY_LEVEL_PARTLY_RECURRENT', parentKind: 'PARENT_KIND_PROVINCIAL_COMMITTEE', pageSize: 2 });
console.log(`partly self-financing under the provincial committee on 2024-12-31: ${page.totalSize} (first page: ${page.units.length}, more: ${page.nextPageToken !== ''})`);

// 4. A budget figure, in million VND, with its source document.
const figure = await call(budget, 'RecordBudgetFigure', { figure: { figureId: 'vd-thu-nsnn-2023', kind: 'BUDGET_FIGURE_KIND_STATE_BUDGET_REVENUE',
  yearFrom: 2023, yearTo: 2023, amount: '2050000', measureUnit: 'MEASURE_UNIT_MILLION_VND', sourceDocument: 'Báo cáo quyết toán ngân sách (ví dụ)' } });
console.log(`${figure.figureId}: ${figure.amount} triệu đồng, version ${figure.version}`);

// 5. Wrong requests are refused with the field named; nothing is written.
const refused = async (client, method, request) => {
  try {
    await call(client, method, request);
    throw new Error(`${method} was accepted`);
  } catch (err) {
    if (!err.details) throw err;
    console.log(`refused: ${grpc.status[err.code]}: ${err.details}`);
  }
};
await refused(autonomy, 'RecordStatus', { status: status('AUTONOMY_LEVEL_RECURRENT', '2022-01-01') });
await refused(autonomy, 'RecordStatus', { status: { ...status('AUTONOMY_LEVEL_UNSPECIFIED', '2099-01-01'), unit: '' } });
await refused(budget, 'RecordBudgetFigure', { figure: { figureId: 'vd-am', kind: 'BUDGET_FIGURE_KIND_STATE_BUDGET_REVENUE',
  yearFrom: 2019, yearTo: 2019, amount: '-5', measureUnit: 'MEASURE_UNIT_MILLION_VND', sourceDocument: 'x' } });
// A unit that did not exist on the status's day: Nậm Loỏng commune merged into Sùng Phài on 2020-02-01.
await refused(autonomy, 'RecordStatus', { status: { unit: 'UBND xã Nậm Loỏng', regime: 'AUTONOMY_REGIME_ADMINISTRATIVE_AGENCY',
  effectiveFrom: '2021-01-01', sourceDocument: 'Quyết định giao quyền tự chủ (ví dụ)' } });
