'use strict';
// Emulated V1 `lp-faas-toolbelt`. HTTPClient is the real request-promise-native, so request options
// (json, simple, resolveWithFullResponse, qs, form, timeout, ...) behave exactly as on V1.
// SFClient's connections are jsforce connections (V2's `@jsforce/jsforce-node`, standing in for the
// older jsforce V1 shipped), so both sides make the same Salesforce requests.

const rp = require('request-promise-native');
const state = require('../state.cjs');
const { createContextClient } = require('../context-service.cjs');

const LpServices = Object.freeze({
  MSG_HIST: 'msgHist',
  AGENT_VEP: 'agentVep',
  ACCOUNT_CONFIG_READ_ONLY: 'accountConfigReadOnly',
  ACCOUNT_CONFIG_READ_WRITE: 'accountConfigReadWrite',
  ASYNC_MESSAGING: 'asyncMessaging',
  ASYNC_MESSAGING_EN: 'asyncMessagingEnt',
  ENG_HIST_DOMAIN: 'engHistDomain',
  RTBF: 'rtbf',
  AUDITLOG: 'auditlog',
  SMT: 'smt',
  PUSHER: 'pusher',
  LE_DATA_REPORTING: 'leDataReporting',
  MSG_EWT_API: 'msgEwtAPI',
  MSDKGW: 'msdkgw',
});

// V1 spelled the audit log service 'auditlog'; the CSDS entry is 'auditLog'.
const V1_SERVICE_ALIASES = { auditlog: 'auditLog' };

function resolveService(service) {
  const host = state.csdsHost(service) ?? state.csdsHost(V1_SERVICE_ALIASES[service]);
  if (host === undefined) {
    throw new Error(`Service "${service}" could not be found.`);
  }
  return host;
}

const salesforceClient = {
  /** A jsforce connection, as V1 returned it (not a promise). */
  connectToSalesforce(config) {
    const { Connection } = require('@jsforce/jsforce-node');
    return new Connection(config);
  },
};

class SecretClient {
  readSecret(key) {
    return state.readSecret(key);
  }

  updateSecret(entry) {
    return state.updateSecret(entry);
  }
}

const Toolbelt = {
  HTTPClient() {
    return rp;
  },

  /** `(service, path, options)`: request-promise against `https://<CSDS host of service><path>`. */
  LpClient() {
    return (service, path, options) => {
      const { appKeySecretName, url, uri, ...rest } = options || {};
      return Promise.resolve().then(() => rp({ ...rest, uri: `https://${resolveService(service)}${path}` }));
    };
  },

  SecretClient() {
    return new SecretClient();
  },

  /** V1's logger: `debug`/`info`/`warn`/`error` write to the console. */
  Logger() {
    return {
      debug: (...args) => console.debug(...args),
      info: (...args) => console.info(...args),
      warn: (...args) => console.warn(...args),
      error: (...args) => console.error(...args),
    };
  },

  SFClient() {
    return salesforceClient;
  },

  CRMClient() {
    return salesforceClient;
  },

  ContextServiceClient({ apiKey, accountId } = {}) {
    return createContextClient({
      host: async () => 'z1.context.liveperson.net',
      apiKey,
      accountId,
    });
  },
};

module.exports = { Toolbelt, LpServices };
