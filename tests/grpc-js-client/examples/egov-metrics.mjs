// The API guide's e-government example: the national document axis reports a quarter's figure for the Department of
// Justice, corrects it (the history keeps both), the Department of Information and Communications records that the
// department announced ISO 9001:2015, and wrong requests are refused (among them a level the organisation registry
// contradicts and a unit the registry no longer has). Plain @grpc/grpc-js + the published protos.
// usage: CCHC_ACCESS_TOKEN=<token with egov.read/egov.write> node examples/egov-metrics.mjs [host:port]
//        (default 127.0.0.1:7400; run `npm ci` in tests/grpc-js-client once; locally:
//        CCHC_ACCESS_TOKEN=$(./cchc token cchc-demo-loader), a province-wide demo client with egov.read/egov.write)
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const target = process.argv[2] ?? '127.0.0.1:7400';
const protos = path.join(here, '..', '..', '..', 'src', 'Cchc.Contracts', 'protos');
const v1 = grpc.loadPackageDefinition(protoLoader.loadSync('cchc/egov/v1/egov.proto', {
  includeDirs: [protos], keepCase: false, longs: String, enums: String, defaults: true })).cchc.egov.v1;

const token = process.env.CCHC_ACCESS_TOKEN;
if (!token) throw new Error('set CCHC_ACCESS_TOKEN (locally: CCHC_ACCESS_TOKEN=$(./cchc token cchc-demo-loader))');
const bearer = () => { const m = new grpc.Metadata(); m.set('authorization', `Bearer ${token}`); return m; };
const metrics = new v1.MetricService(target, grpc.credentials.createInsecure());
const capabilities = new v1.CapabilityService(target, grpc.credentials.createInsecure());
const call = (client, method, request) => new Promise((resolve, reject) =>
  client[method](request, bearer(), { deadline: Date.now() + 10_000 }, (err, res) => (err ? reject(err) : resolve(res))));

const quarter = { sourceSystem: 'truc-lien-thong-vbqg', unit: 'Sở Tư pháp', unitLevel: 'GOVERNMENT_LEVEL_PROVINCE',
  metric: 'METRIC_AXIS_DOCUMENTS_RECEIVED', periodFrom: '2026-01-01', periodTo: '2026-03-31' };

// 1. A figure, then its correction: a submission is identified by (source system, unit, metric, period); another value
//    replaces it (revision + 1, the history keeps every value), the same value again changes nothing.
await call(metrics, 'SubmitMetric', { submission: { ...quarter, value: 4210 } });
const corrected = await call(metrics, 'SubmitMetric', { submission: { ...quarter, value: 4250, note: 'bổ sung văn bản nhận ngày 31/3' } });
const resent = await call(metrics, 'SubmitMetric', { submission: { ...quarter, value: 4250, note: 'bổ sung văn bản nhận ngày 31/3' } });
const stored = await call(metrics, 'GetSubmission', quarter);
console.log(`${stored.current.metric} ${stored.current.periodFrom}..${stored.current.periodTo}: ${stored.current.value} `
  + `(revision ${corrected.revision}, resent: ${resent.revision}; history ${stored.history.map((h) => `${h.revision}:${h.value}`).join(', ')})`);

// 2. A dated capability state: ISO 9001:2015 announced from a day, with its certificate date.
await call(capabilities, 'RecordCapabilityState', { state: { unit: 'Sở Tư pháp', unitLevel: 'GOVERNMENT_LEVEL_PROVINCE',
  capability: 'CAPABILITY_ISO_9001', effectiveFrom: '2026-02-02', inUse: true, isoVersion: 'ISO_VERSION_2015', certificateDate: '2026-01-28' } });
for (const day of ['2026-01-31', '2026-06-30']) {
  const states = await call(capabilities, 'ListCapabilityStates', { unit: 'Sở Tư pháp', capability: 'CAPABILITY_ISO_9001', asOf: day });
  console.log(`ISO 9001 on ${day}: ${states.states.map((s) => `${s.state.isoVersion} since ${s.state.effectiveFrom}`).join('; ') || 'none recorded'}`);
}

// 3. Wrong requests are refused with the field named; nothing is written.
const refused = async (method, request) => {
  try {
    await call(metrics, method, request);
    throw new Error(`${method} was accepted`);
  } catch (err) {
    if (!err.details) throw err;
    console.log(`refused: ${grpc.status[err.code]}: ${err.details}`);
  }
};
await refused('SubmitMetric', { submission: { ...quarter, metric: 'METRIC_AXIS_DOCUMENTS_SENT', value: -3 } });
await refused('SubmitMetric', { submission: { ...quarter, periodFrom: '2026-01-01', periodTo: '2026-06-30', value: 9000 } });
await refused('SubmitMetric', { submission: { ...quarter, periodFrom: '2099-01-01', periodTo: '2099-03-31', value: 1 } });
// A unit's level is the organisation registry's on the period's end: leave unitLevel unset, or send the same level. The
// district level was abolished on 2025-07-01 (the two-tier reform): a district's committee has no 2026 figures.
await refused('SubmitMetric', { submission: { ...quarter, unitLevel: 'GOVERNMENT_LEVEL_DISTRICT', value: 4250 } });
await refused('SubmitMetric', { submission: { ...quarter, unit: 'UBND huyện Tam Đường', unitLevel: 'GOVERNMENT_LEVEL_UNSPECIFIED', value: 10 } });
