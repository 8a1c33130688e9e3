// V2 runtime emulator, one invocation per process. Imports the migrated ES module (prepared by
// lib/execute.mjs with `export { lambda as __faasLambda }` appended and `core-functions-toolbelt`
// beside it) and awaits `lambda(input)`: the resolved value is the result, a rejection a failure.
//
//   node v2-runtime.mjs CONFIG.json

import { pathToFileURL } from 'node:url';
import common from './common.cjs';
import state from './state.cjs';

const config = common.readConfig();
state.configure(config);
common.routeNetwork(config);

const invocation = common.createInvocation({
  timeoutMs: config.timeoutMs,
  settleMs: config.settleMs,
  report: ({ outcome, notes }) => common.sendReport({ outcome, notes, secrets: state.secretSnapshot() }),
});

let lambda;
try {
  const module = await import(pathToFileURL(config.source).href);
  lambda = module.__faasLambda;
  if (typeof lambda !== 'function') {
    throw new Error('the module defines no lambda function');
  }
} catch (err) {
  invocation.loadError(err);
}

if (lambda) {
  invocation.start();
  try {
    Promise.resolve(lambda(config.input)).then(
      (value) => invocation.succeed(value),
      (reason) => invocation.fail(reason),
    );
  } catch (err) {
    invocation.fail(err);
  }
}
