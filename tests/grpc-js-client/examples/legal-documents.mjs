// The API guide's legal-documents example: the Department of Justice records a provincial decision, the decision
// that amends it and the one that repeals it, asks which is in force on a day, searches the register, and sees how
// wrong requests are refused. Plain @grpc/grpc-js + the published protos.
// usage: CCHC_ACCESS_TOKEN=<token with legal.write for UBND tỉnh Lai Châu> node examples/legal-documents.mjs [host:port]
//        (default 127.0.0.1:7400; run `npm ci` in tests/grpc-js-client once; locally:
//        CCHC_ACCESS_TOKEN=$(./cchc token cchc-demo-loader), a province-wide demo client with legal.read/legal.write)
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const target = process.argv[2] ?? '127.0.0.1:7400';
const protos = path.join(here, '..', '..', '..', 'src', 'Cchc.Contracts', 'protos');
const v1 = grpc.loadPackageDefinition(protoLoader.loadSync('cchc/legal/v1/legal.proto', {
  includeDirs: [protos], keepCase: false, longs: String, enums: String, defaults: true })).cchc.legal.v1;

// Every call carries the access token (OAuth2 client credentials from the token service; see docs/security.md).
const token = process.env.CCHC_ACCESS_TOKEN;
if (!token) throw new Error('set CCHC_ACCESS_TOKEN (locally: CCHC_ACCESS_TOKEN=$(./cchc token cchc-demo-loader))');
const bearer = () => { const m = new grpc.Metadata(); m.set('authorization', `Bearer ${token}`); return m; };
const documents = new v1.DocumentService(target, grpc.credentials.createInsecure());
const call = (client, method, request) => new Promise((resolve, reject) =>
  client[method](request, bearer(), { deadline: Date.now() + 10_000 }, (err, res) => (err ? reject(err) : resolve(res))));

const ubnd = 'UBND tỉnh Lai Châu';
const decision = (number, title, signedOn, effectiveOn) => ({
  kind: 'DOCUMENT_KIND_DECISION', issuingBody: 'ISSUING_BODY_PEOPLES_COMMITTEE', level: 'GOVERNMENT_LEVEL_PROVINCE',
  issuerUnit: ubnd, number, title, draftingAgency: 'Sở Tài chính', signedOn, effectiveOn,
});

// 1. Three decisions. Idempotent by document_id: running this script twice changes nothing.
await call(documents, 'RegisterDocument', { documentId: 'VD-QD-2026-05', attributes:
  decision('05/2026/QĐ-UBND', 'Quyết định ban hành Quy định về thu phí, lệ phí trên địa bàn tỉnh Lai Châu', '2026-01-05', '2026-01-15') });
await call(documents, 'RegisterDocument', { documentId: 'VD-QD-2026-21', attributes:
  decision('21/2026/QĐ-UBND', 'Quyết định sửa đổi, bổ sung một số điều của Quy định về thu phí, lệ phí', '2026-04-01', '2026-04-11') });
await call(documents, 'RegisterDocument', { documentId: 'VD-QD-2026-40', attributes:
  decision('40/2026/QĐ-UBND', 'Quyết định bãi bỏ Quy định về thu phí, lệ phí trên địa bàn tỉnh Lai Châu', '2026-09-01', '2026-09-11') });

// 2. The amendment and the repeal, recorded on the document they change, with the document that caused them.
await call(documents, 'RecordLifecycleEvent', { documentId: 'VD-QD-2026-05', issuerUnit: ubnd,
  event: { type: 'LIFECYCLE_EVENT_TYPE_AMENDED', effectiveOn: '2026-04-11', causedBy: 'VD-QD-2026-21' } });
const repealed = await call(documents, 'RecordLifecycleEvent', { documentId: 'VD-QD-2026-05', issuerUnit: ubnd,
  event: { type: 'LIFECYCLE_EVENT_TYPE_REPEALED', effectiveOn: '2026-09-11', causedBy: 'VD-QD-2026-40' } });
console.log(`${repealed.attributes.number}: version ${repealed.version}, events ${repealed.events.map((e) => `${e.type} ${e.effectiveOn} by ${e.causedBy}`).join('; ')}`);

// 3. In force on a day.
for (const day of ['2026-01-10', '2026-06-01', '2026-09-11']) {
  const d = await call(documents, 'GetDocument', { documentId: 'VD-QD-2026-05', asOf: day });
  console.log(`on ${day}: ${d.status}`);
}

// 4. Search: decisions of the provincial committee in force on a day, with "phí, lệ phí" in the title.
const found = await call(documents, 'ListDocuments', { issuerUnit: ubnd, titleContains: 'phí, lệ phí', status: 'DOCUMENT_STATUS_IN_FORCE',
  statusOn: '2026-06-01', signedFrom: '2026-01-01', pageSize: 10 });
console.log(`in force on 2026-06-01: ${found.documents.map((d) => d.attributes.number).join(', ')} (${found.totalSize})`);

// 5. Wrong requests are refused with the field named; nothing is written.
const refused = async (method, request) => {
  try {
    await call(documents, method, request);
    throw new Error(`${method} was accepted`);
  } catch (err) {
    if (!err.details) throw err;
    console.log(`refused: ${grpc.status[err.code]}: ${err.details}`);
  }
};
await refused('RegisterDocument', { documentId: 'VD-QD-2026-99', attributes:
  decision('99/2026/NQ-UBND', 'Quyết định có số, ký hiệu sai', '2026-10-01', '2026-09-30') });
await refused('RecordLifecycleEvent', { documentId: 'VD-QD-2026-05', issuerUnit: ubnd,
  event: { type: 'LIFECYCLE_EVENT_TYPE_REPEALED', effectiveOn: '2026-10-01', causedBy: 'VD-QD-2026-40' } });
