'use strict';
// V1 runtime emulator, one invocation per process. Loads a V1 CommonJS function file (a script
// with a top-level `lambda(input, callback)`, not exported) and calls it the way V1 did: the FIRST
// `callback(err, result)` decides the outcome; no call in time is a timeout failure.
//
//   node v1-runtime.cjs CONFIG.json     (CONFIG written by lib/execute.mjs)

const fs = require('node:fs');
const { createRequire } = require('node:module');
const path = require('node:path');
const vm = require('node:vm');
const common = require('./common.cjs');
const state = require('./state.cjs');

const config = common.readConfig();
state.configure(config);
common.routeNetwork(config);

const invocation = common.createInvocation({
  timeoutMs: config.timeoutMs,
  settleMs: config.settleMs,
  report: ({ outcome, notes }) => common.sendReport({ outcome, notes, secrets: state.secretSnapshot() }),
});

const TOOLBELT = path.join(__dirname, 'toolbelt-v1', 'index.cjs');

// `lp-faas-toolbelt` is the emulation; relative paths, and packages installed beside the function,
// resolve next to the function file; other names (builtins, the packages the platform provides)
// resolve from here.
const fileRequire = createRequire(config.source);
const pick = (id) => {
  if (id.startsWith('.') || path.isAbsolute(id)) {
    return fileRequire;
  }
  try {
    fileRequire.resolve(id);
    return fileRequire;
  } catch {
    return require;
  }
};

function v1Require(id) {
  return id === 'lp-faas-toolbelt' ? require(TOOLBELT) : pick(id)(id);
}
v1Require.resolve = (id) => (id === 'lp-faas-toolbelt' ? TOOLBELT : pick(id).resolve(id));
v1Require.cache = require.cache;

/** Evaluates the file in a CommonJS wrapper and returns its `lambda`. */
function loadLambda(file) {
  const source = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/^#!.*/, '');
  const body =
    `${source}\n;return typeof lambda === "function" ? lambda : ` +
    `(module.exports && typeof module.exports.lambda === "function" ? module.exports.lambda : module.exports);`;
  const wrapper = vm.compileFunction(body, ['require', 'module', 'exports', '__filename', '__dirname'], {
    filename: file,
  });
  const module = { exports: {}, filename: file, id: file, loaded: false };
  const lambda = wrapper.call(module.exports, v1Require, module, module.exports, file, path.dirname(file));
  if (typeof lambda !== 'function') {
    throw new Error('the file defines no lambda function');
  }
  return lambda;
}

function isThenable(value) {
  return value !== null && (typeof value === 'object' || typeof value === 'function') && typeof value.then === 'function';
}

function invoke(lambda) {
  let called = false;
  const callback = (err, result) => {
    if (called) {
      invocation.notes.push('callback called again: ignored');
      return;
    }
    called = true;
    if (err !== null && err !== undefined) {
      invocation.fail(err);
    } else if (isThenable(result)) {
      result.then(
        (value) => invocation.succeed(value),
        (reason) => invocation.fail(reason),
      );
    } else {
      invocation.succeed(result);
    }
  };
  try {
    const returned = lambda(config.input, callback);
    if (isThenable(returned)) {
      returned.then(undefined, (reason) => {
        if (!called) {
          invocation.fail(reason);
        }
      });
    }
  } catch (err) {
    if (!called) {
      invocation.fail(err);
    }
  }
}

// Loaded before the function so that its cost, like the function's own loading, is start-up time.
require(TOOLBELT);

let lambda;
try {
  lambda = loadLambda(config.source);
} catch (err) {
  invocation.loadError(err);
}
if (lambda) {
  invocation.start();
  invoke(lambda);
}
