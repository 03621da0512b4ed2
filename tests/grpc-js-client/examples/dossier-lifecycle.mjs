// The API guide's working example: a district's one-stop-shop system records a dossier through the gateway,
// resolves it, reads it back, and sees how a wrong request is refused. Plain @grpc/grpc-js + the published protos.
// usage: CCHC_ACCESS_TOKEN=<token of a client bound to UBND huyện Tam Đường> node examples/dossier-lifecycle.mjs [host:port]
//        (default 127.0.0.1:7400; run `npm ci` in tests/grpc-js-client once; locally: CCHC_ACCESS_TOKEN=$(./cchc token tam-duong))
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const target = process.argv[2] ?? '127.0.0.1:7400';
const protos = path.join(here, '..', '..', '..', 'src', 'Cchc.Contracts', 'protos');
const v1 = grpc.loadPackageDefinition(protoLoader.loadSync('cchc/procedures/v1/procedures.proto', {
  includeDirs: [protos], keepCase: false, longs: String, enums: String, defaults: true })).cchc.procedures.v1;

// Every call carries the access token (OAuth2 client credentials from the token service; see docs/security.md).
const token = process.env.CCHC_ACCESS_TOKEN;
if (!token) throw new Error('set CCHC_ACCESS_TOKEN (locally: CCHC_ACCESS_TOKEN=$(./cchc token tam-duong))');
const bearer = () => { const m = new grpc.Metadata(); m.set('authorization', `Bearer ${token}`); return m; };
const creds = grpc.credentials.createInsecure();
const catalogue = new v1.ProcedureCatalogService(target, creds);
const dossiers = new v1.DossierService(target, creds);
// Promisified unary call with a 10 s deadline.
const call = (client, method, request) => new Promise((resolve, reject) =>
  client[method](request, bearer(), { deadline: Date.now() + 10_000 }, (err, res) => (err ? reject(err) : resolve(res))));
const ts = (iso) => { const ms = Date.parse(iso); return { seconds: String(Math.floor(ms / 1000)), nanos: 0 }; };

// 1. A procedure of the district level, in force (the demo catalogue has many; take the first).
const { procedures } = await call(catalogue, 'ListProcedures', { pageSize: 1, level: 'GOVERNMENT_LEVEL_DISTRICT' });
if (procedures.length === 0) throw new Error('no district procedure in the catalogue: run ./cchc run (with the demo) first');
const code = procedures[0].code;
console.log(`procedure ${code}: ${procedures[0].attributes.name}`);

// 2. Receive a dossier. Idempotent by dossier_id: running this script twice returns the same dossier.
const dossierId = `VD-${new Date().toISOString().slice(0, 10)}-0001`;
const received = await call(dossiers, 'ReceiveDossier', {
  dossierId, procedureCode: code, receivingUnit: 'UBND huyện Tam Đường', unitLevel: 'GOVERNMENT_LEVEL_DISTRICT',
  channel: 'DOSSIER_CHANNEL_ONLINE', receivedAt: ts('2024-11-04T08:15:00+07:00'), dueAt: ts('2024-11-11T17:00:00+07:00'),
});
console.log(`received ${received.record.dossierId}: status ${received.record.status}, version ${received.version}`);

// 3. Resolve it before its due time: on time.
const resolved = await call(dossiers, 'ResolveDossier', { dossierId, closedAt: ts('2024-11-08T10:00:00+07:00') });
console.log(`resolved: status ${resolved.record.status}, on time ${resolved.onTime}, version ${resolved.version}`);

// 4. A wrong request: due before received. INVALID_ARGUMENT names the field; nothing is written.
try {
  await call(dossiers, 'ReceiveDossier', {
    dossierId: `${dossierId}-X`, procedureCode: code, receivingUnit: 'UBND huyện Tam Đường',
    unitLevel: 'GOVERNMENT_LEVEL_DISTRICT', channel: 'DOSSIER_CHANNEL_IN_PERSON',
    receivedAt: ts('2024-11-04T08:15:00+07:00'), dueAt: ts('2024-11-03T17:00:00+07:00'),
  });
  throw new Error('the invalid dossier was accepted');
} catch (err) {
  if (err.code !== grpc.status.INVALID_ARGUMENT) throw err;
  console.log(`refused: ${grpc.status[err.code]}: ${err.details}`);
}
try {
  await call(dossiers, 'GetDossier', { dossierId: `${dossierId}-X` });
  throw new Error('the refused dossier was stored');
} catch (err) {
  if (err.code !== grpc.status.NOT_FOUND) throw err;
  console.log(`and not stored: ${grpc.status[err.code]}`);
}
