// A department system that is not .NET: checks health and reflection of every service through the
// gateway and makes one API call, using only @grpc/grpc-js and the project's published .proto files.
// usage: CCHC_ACCESS_TOKEN=<access token> node check.mjs [host:port]     (default 127.0.0.1:7400)
// Health and reflection need no token; the API call sends the token as `authorization: Bearer …`.
// Prints one JSON line with what it saw; exits 1 when anything is not as a client expects.
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const target = process.argv[2] ?? '127.0.0.1:7400';
const services = { procedures: 'cchc.procedures.v1.ProcedureCatalogService', reporting: 'cchc.reporting.v1.ReportingService' };
const load = (file, includeDirs) => grpc.loadPackageDefinition(protoLoader.loadSync(file, {
  includeDirs, keepCase: false, longs: String, enums: String, defaults: true, oneofs: true }));

const local = [path.join(here, 'protos')];
const project = [path.join(here, '..', '..', 'src', 'Cchc.Contracts', 'protos')];
const health = load('grpc/health/v1/health.proto', local).grpc.health.v1;
const reflection = load('grpc/reflection/v1/reflection.proto', local).grpc.reflection.v1;
const procedures = load('cchc/procedures/v1/procedures.proto', project).cchc.procedures.v1;
const creds = grpc.credentials.createInsecure();
const deadline = () => Date.now() + 10_000;

const meta = (service) => { const m = new grpc.Metadata(); if (service) m.set('x-cchc-service', service); return m; };
const bearer = () => { const m = new grpc.Metadata(); if (process.env.CCHC_ACCESS_TOKEN) m.set('authorization', `Bearer ${process.env.CCHC_ACCESS_TOKEN}`); return m; };
const check = (service) => new Promise((resolve, reject) =>
  new health.Health(target, creds).Check({ service: '' }, meta(service), { deadline: deadline() },
    (err, res) => err ? reject(err) : resolve(res.status)));
const listServices = (service) => new Promise((resolve, reject) => {
  const call = new reflection.ServerReflection(target, creds).ServerReflectionInfo(meta(service), { deadline: deadline() });
  call.on('data', (res) => { resolve(res.listServicesResponse.service.map((s) => s.name)); call.end(); });
  call.on('error', reject);
  call.write({ listServices: '*' });
});

const seen = { target, health: {}, reflection: {} };
let ok = true;
try {
  seen.health.gateway = await check(null);
  ok &&= seen.health.gateway === 'SERVING';
  for (const [name, fullName] of Object.entries(services)) {
    seen.health[name] = await check(name);
    seen.reflection[name] = await listServices(name);
    ok &&= seen.health[name] === 'SERVING' && seen.reflection[name].includes(fullName);
  }
  seen.procedures = await new Promise((resolve, reject) =>
    new procedures.ProcedureCatalogService(target, creds).ListProcedures({ pageSize: 1 }, bearer(), { deadline: deadline() },
      (err, res) => err ? reject(err) : resolve({ totalSize: res.totalSize, first: res.procedures[0]?.code ?? null })));
} catch (err) {
  ok = false;
  seen.error = `${err.code ?? ''} ${err.details ?? err.message}`.trim();
}
console.log(JSON.stringify(seen));
process.exit(ok ? 0 : 1);
