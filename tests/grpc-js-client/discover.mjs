// Discovery with standard tools only, as a department system or an operator's probe does it: no custom header.
// Through the gateway it lists every service by server reflection (grpc.reflection.v1), describes each one from the
// descriptors reflection returns (no local .proto of the services), checks grpc.health.v1 by each fully-qualified
// service name (what grpc-health-probe and Kubernetes gRPC probes send), checks that an unknown name is NOT_FOUND, and —
// with a token — calls ProcedureCatalogService/ListProcedures through a client built from the reflected descriptors.
// usage: [CCHC_ACCESS_TOKEN=<token with procedures.read>] node discover.mjs [host:port] [--text]  (default 127.0.0.1:7400)
// Prints one JSON line (--text: a line per service, for people); exits 1 when anything is not as a client expects.
import grpc from '@grpc/grpc-js';
import protoLoader from '@grpc/proto-loader';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const text = process.argv.includes('--text');
const target = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? '127.0.0.1:7400';
const options = { keepCase: false, longs: String, enums: String, defaults: true, oneofs: true };
const local = (file) => grpc.loadPackageDefinition(protoLoader.loadSync(file, { ...options, includeDirs: [path.join(here, 'protos')] }));
const health = local('grpc/health/v1/health.proto').grpc.health.v1;
const reflection = local('grpc/reflection/v1/reflection.proto').grpc.reflection.v1;
const creds = grpc.credentials.createInsecure();
const deadline = () => Date.now() + 10_000;

// One reflection stream; requests answered in order.
const reflect = (requests) => new Promise((resolve, reject) => {
  const call = new reflection.ServerReflection(target, creds).ServerReflectionInfo({ deadline: deadline() });
  const answers = [];
  call.on('data', (res) => { answers.push(res); if (answers.length === requests.length) call.end(); });
  call.on('error', reject);
  call.on('end', () => resolve(answers));
  for (const request of requests) call.write(request);
});

// A FileDescriptorSet (field 1: repeated FileDescriptorProto) from the files' serialized bytes.
const descriptorSet = (files) => Buffer.concat([...files.values()].flatMap((bytes) => {
  const length = []; for (let n = bytes.length; ; n >>>= 7) { if (n < 0x80) { length.push(n); break; } length.push((n & 0x7f) | 0x80); }
  return [Buffer.from([0x0a, ...length]), bytes];
}));
const nameOf = (bytes) => { // FileDescriptorProto field 1 (name): tag 0x0a, then a varint length (< 128 for these names)
  if (bytes[0] !== 0x0a || bytes[1] >= 0x80) throw new Error('unexpected FileDescriptorProto');
  return bytes.subarray(2, 2 + bytes[1]).toString('utf8');
};

const check = (service) => new Promise((resolve) =>
  new health.Health(target, creds).Check({ service }, { deadline: deadline() },
    (err, res) => resolve(err ? grpc.status[err.code] : res.status)));

const seen = { target, services: [], methods: {}, health: {} };
let ok = true;
try {
  // 1. List.
  const [list] = await reflect([{ listServices: '*' }]);
  seen.services = list.listServicesResponse.service.map((s) => s.name).sort();

  // 2. Describe: the file of each service (and its dependencies), then a package definition built from them alone.
  const answers = await reflect(seen.services.map((name) => ({ fileContainingSymbol: name })));
  const files = new Map();
  answers.forEach((answer, i) => {
    if (answer.messageResponse !== 'fileDescriptorResponse') throw new Error(`describe ${seen.services[i]}: ${answer.errorResponse?.errorMessage}`);
    for (const bytes of answer.fileDescriptorResponse.fileDescriptorProto) files.set(nameOf(bytes), bytes);
  });
  const reflected = protoLoader.loadFileDescriptorSetFromBuffer(descriptorSet(files), options);
  for (const name of seen.services) {
    seen.methods[name] = Object.keys(reflected[name] ?? {}).filter((m) => m[0] === m[0].toUpperCase()).sort();
    ok &&= seen.methods[name].length > 0;
  }

  // 3. Health by name, the gateway itself (""), and a name nothing serves.
  for (const name of ['', ...seen.services]) {
    seen.health[name || '(gateway)'] = await check(name);
    ok &&= seen.health[name || '(gateway)'] === 'SERVING';
  }
  seen.unknown = await check('cchc.nothing.v1.NoSuchService');
  ok &&= seen.unknown === 'NOT_FOUND';

  // 4. A call through a client made from the reflected descriptors only.
  if (process.env.CCHC_ACCESS_TOKEN) {
    const Catalogue = grpc.loadPackageDefinition(reflected).cchc.procedures.v1.ProcedureCatalogService;
    const metadata = new grpc.Metadata();
    metadata.set('authorization', `Bearer ${process.env.CCHC_ACCESS_TOKEN}`);
    // Types built from descriptors keep the .proto field names (page_size), not the camelCase of loadSync.
    seen.call = await new Promise((resolve, reject) =>
      new Catalogue(target, creds).ListProcedures({ page_size: 1 }, metadata, { deadline: deadline() },
        (err, res) => err ? reject(err) : resolve({ method: 'cchc.procedures.v1.ProcedureCatalogService/ListProcedures', totalSize: res.total_size })));
    ok &&= seen.call.totalSize !== undefined;
  }
} catch (err) {
  ok = false;
  seen.error = `${err.code ?? ''} ${err.details ?? err.message}`.trim();
}
if (text) {
  const width = Math.max(...seen.services.map((s) => s.length));
  console.log(`${seen.services.length} services at ${target} (server reflection, no header); health by name; methods from the reflected descriptors:`);
  for (const name of seen.services) console.log(`  ${name.padEnd(width)}  ${seen.health[name]}  ${seen.methods[name].join(', ')}`);
  console.log(`the gateway itself (""): ${seen.health['(gateway)']}; cchc.nothing.v1.NoSuchService: ${seen.unknown}`);
  if (seen.call) console.log(`${seen.call.method} through a client built from reflection: total_size ${seen.call.totalSize}`);
  if (seen.error) console.log(`error: ${seen.error}`);
} else {
  console.log(JSON.stringify(seen));
}
process.exit(ok ? 0 : 1);
