// The API guide's unit reference example: asks every domain service, through the gateway, how far its copy of the
// organisation registry has got (cchc.reference.v1.UnitReference/GetStatus, service named by x-cchc-service), then
// shows a dossier refused because its receiving unit did not exist on the day it was received.
// usage: CCHC_ACCESS_TOKEN=<token with organisation.read and procedures.write> node examples/unit-reference.mjs [host:port]
//        (locally: CCHC_ACCESS_TOKEN=$(./cchc token cchc-demo-loader))
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const target = process.argv[2] ?? '127.0.0.1:7400';
const protos = path.join(here, '..', '..', '..', 'src', 'Cchc.Contracts', 'protos');
const load = (file) => grpc.loadPackageDefinition(protoLoader.loadSync(file, {
  includeDirs: [protos], keepCase: false, longs: String, enums: String, defaults: true }));
const reference = load('cchc/reference/v1/reference.proto').cchc.reference.v1;
const procedures = load('cchc/procedures/v1/procedures.proto').cchc.procedures.v1;

const token = process.env.CCHC_ACCESS_TOKEN;
if (!token) throw new Error('set CCHC_ACCESS_TOKEN (locally: CCHC_ACCESS_TOKEN=$(./cchc token cchc-demo-loader))');
const meta = (service) => {
  const m = new grpc.Metadata();
  m.set('authorization', `Bearer ${token}`);
  if (service) m.set('x-cchc-service', service);
  return m;
};
const creds = grpc.credentials.createInsecure();
const call = (client, method, request, service) => new Promise((resolve, reject) =>
  client[method](request, meta(service), { deadline: Date.now() + 10_000 }, (err, res) => (err ? reject(err) : resolve(res))));
const ts = (iso) => { const ms = Date.parse(iso); return { seconds: String(Math.floor(ms / 1000)), nanos: 0 }; };

// 1. Each service's copy: the highest registry revision it applied and how many units it knows.
const status = new reference.UnitReference(target, creds);
for (const service of ['procedures', 'legal', 'finance', 'egov']) {
  const s = await call(status, 'GetStatus', {}, service);
  console.log(`${service}: revision ${s.revision}, ${s.units} units`);
}

// 2. A dossier for a unit the registry does not have on that day: FAILED_PRECONDITION naming the unit and the day.
// (A procedure to file it under: the demo catalogue's first, or one created here — CreateProcedure is idempotent by code.)
const catalogue = new procedures.ProcedureCatalogService(target, creds);
const { procedures: list } = await call(catalogue, 'ListProcedures', { pageSize: 1 });
const code = list[0]?.code ?? (await call(catalogue, 'CreateProcedure', {
  code: 'VD.REF.0001', inForceFrom: '2015-01-01',
  publication: { decisionNumber: '01/QĐ-UBND', decisionDate: '2014-12-20' },
  attributes: { name: 'Thủ tục ví dụ', field: 'Hộ tịch', level: 'GOVERNMENT_LEVEL_COMMUNE', resolvingUnit: 'UBND cấp xã',
    receivingPlace: 'RECEIVING_PLACE_COMMUNE_ONE_STOP', onlineLevel: 'ONLINE_SERVICE_LEVEL_3' },
})).code;
const dossiers = new procedures.DossierService(target, creds);
try {
  await call(dossiers, 'ReceiveDossier', {
    dossierId: 'VD-REF-0001', procedureCode: code, receivingUnit: 'UBND xã Không Có',
    unitLevel: 'GOVERNMENT_LEVEL_COMMUNE', channel: 'DOSSIER_CHANNEL_ONLINE',
    receivedAt: ts('2019-05-02T08:15:00+07:00'), dueAt: ts('2019-05-09T17:00:00+07:00'),
  });
  console.log('accepted (the registry has this unit on that day)');
} catch (err) {
  console.log(`refused: ${grpc.status[err.code]}: ${err.details}`);
}
