// The API guide's organisation example: with the demo registry loaded (`./cchc run`), the Department of Home Affairs
// asks how the province was organised on two days (three tiers in 2019, two after the 2025 reform), reads a merged
// commune's history, checks the registry's status, records a staffing figure and sees how wrong requests are refused.
// Plain @grpc/grpc-js + the published protos.
// usage: CCHC_ACCESS_TOKEN=<token with organisation.read/write for unit *> node examples/organisation-units.mjs [host:port]
//        (default 127.0.0.1:7400; run `npm ci` in tests/grpc-js-client once; locally:
//        CCHC_ACCESS_TOKEN=$(./cchc token cchc-demo-loader))
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const target = process.argv[2] ?? '127.0.0.1:7400';
const protos = path.join(here, '..', '..', '..', 'src', 'Cchc.Contracts', 'protos');
const v1 = grpc.loadPackageDefinition(protoLoader.loadSync('cchc/organisation/v1/organisation.proto', {
  includeDirs: [protos], keepCase: false, longs: String, enums: String, defaults: true })).cchc.organisation.v1;

const token = process.env.CCHC_ACCESS_TOKEN;
if (!token) throw new Error('set CCHC_ACCESS_TOKEN (locally: CCHC_ACCESS_TOKEN=$(./cchc token cchc-demo-loader))');
const bearer = () => { const m = new grpc.Metadata(); m.set('authorization', `Bearer ${token}`); return m; };
const registry = new v1.UnitRegistryService(target, grpc.credentials.createInsecure());
const staffing = new v1.StaffingService(target, grpc.credentials.createInsecure());
const call = (client, method, request) => new Promise((resolve, reject) =>
  client[method](request, bearer(), { deadline: Date.now() + 30_000 }, (err, res) => (err ? reject(err) : resolve(res))));

// 1. Counts by kind on two days: the district level exists in 2019, not in 2026.
for (const asOf of ['2019-12-31', '2026-01-01']) {
  const counts = await call(registry, 'CountUnits', { asOf });
  const of = (kind) => counts.counts.find((c) => c.kind === kind)?.count ?? 0;
  console.log(`${asOf}: ${of('UNIT_KIND_DISTRICT_LEVEL')} district-level, ${of('UNIT_KIND_COMMUNE_LEVEL')} commune-level units`);
}

// 2. The tree on a day in one call: the province and its district-level units.
const tree = await call(registry, 'GetTree', { asOf: '2019-12-31', rootCode: '12' });
console.log(`tree on 2019-12-31: ${tree.units} units; ${tree.roots[0].name} → ${tree.roots[0].children
  .filter((c) => c.kind === 'UNIT_KIND_DISTRICT_LEVEL').map((c) => c.name).join(', ')}`);

// 3. A merged commune's history: Nậm Loỏng ended on 31/01/2020, merged into Sùng Phài.
const namLoong = await call(registry, 'GetUnit', { unitCode: '105-07', asOf: '2019-06-01' });
for (const p of namLoong.periods) {
  console.log(`${namLoong.unitCode} ${p.name}: ${p.from} – ${p.to || '…'} under ${p.parentCode}${p.successorCodes.length ? `, then ${p.successorCodes.join(', ')}` : ''}`);
}

// 4. Search: units named "Tư pháp" that existed on a day, one page.
const found = await call(registry, 'ListUnits', { asOf: '2019-12-31', nameContains: 'Tư pháp', pageSize: 3 });
console.log(`"Tư pháp" on 2019-12-31: ${found.units.map((u) => u.onDay.name).join('; ')} … (${found.totalSize} in all)`);

// 5. The registry's status: what a local copy compares with.
const status = await call(registry, 'GetRegistryStatus', {});
console.log(`registry: ${status.units} units, revision ${status.revision}`);

// 6. A staffing figure (idempotent: the same value again changes nothing).
const written = await call(staffing, 'RecordFigure', { unitCode: 'SO-01', metric: 'STAFFING_METRIC_TRAINING_CLASSES', from: '2021-01-01', to: '2021-12-31', value: 7 });
console.log(`figure recorded: changed ${written.changed}, revision ${written.revision}`);

// 7. Wrong requests are refused with the field named; nothing is written.
const refused = async (client, method, request) => {
  try {
    await call(client, method, request);
    throw new Error(`${method} was accepted`);
  } catch (err) {
    if (!err.details) throw err;
    console.log(`refused: ${grpc.status[err.code]}: ${err.details}`);
  }
};
await refused(registry, 'FoundUnit', { changeId: 'vd-found-1', effectiveOn: '2019-02-30',
  unit: { unitCode: 'VD 1', name: '', kind: 'UNIT_KIND_PUBLIC_SERVICE_UNIT' } });
await refused(registry, 'FoundUnit', { changeId: 'vd-found-2', effectiveOn: '2026-01-01',
  unit: { unitCode: 'VD-2', name: 'Phòng Tư pháp mới', kind: 'UNIT_KIND_DISTRICT_DIVISION', parentCode: '106-UBND' } });
// The demo has individual streamlining records for Sở Tư pháp in 2019: an aggregate figure for the same is refused.
await refused(staffing, 'RecordFigure', { unitCode: 'SO-01', metric: 'STAFFING_METRIC_STREAMLINED', from: '2019-01-01', to: '2019-12-31', value: 5 });
