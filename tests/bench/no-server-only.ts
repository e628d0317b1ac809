// `server-only` throws outside React Server Components. A benchmark that calls lib/ services in
// its own process (as the integration tests do through vitest's alias) imports this module first,
// so the marker resolves to an empty module; the services themselves run unchanged.
import Module from 'node:module';

const req = Module.createRequire(__filename);
const id = req.resolve('server-only');
const stub = new Module(id);
stub.filename = id;
stub.loaded = true;
stub.exports = {};
req.cache[id] = stub;
