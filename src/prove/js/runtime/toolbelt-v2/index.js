// Emulated V2 `core-functions-toolbelt`. LpClient returns the real fetch Response; SecretClient
// caches reads per instance the way V2 does, so read-after-write needs `{ useCache: false }`.

import state from '../state.cjs';
import contextService from '../context-service.cjs';

export const LpServices = Object.freeze({
  MSG_HIST: 'msgHist',
  AGENT_VEP: 'agentVep',
  ACCOUNT_CONFIG_READ_ONLY: 'accountConfigReadOnly',
  ACCOUNT_CONFIG_READ_WRITE: 'accountConfigReadWrite',
  ASYNC_MESSAGING: 'asyncMessaging',
  ASYNC_MESSAGING_EN: 'asyncMessagingEnt',
  ENG_HIST_DOMAIN: 'engHistDomain',
  RTBF: 'rtbf',
  AUDITLOG: 'auditLog',
  SMT: 'smt',
  PUSHER: 'pusher',
  LE_DATA_REPORTING: 'leDataReporting',
  MSG_EWT_API: 'msgEwtAPI',
  MSDKGW: 'msdkgw',
});

class CsdsClient {
  /** The host (no scheme) of a service; rejects for a service CSDS does not know. */
  async get(service) {
    const host = state.csdsHost(service);
    if (host === undefined) {
      throw new Error(`Service "${service}" could not be found.`);
    }
    return host;
  }

  /** Every entry, as the V2 client returns them: `[{ <service>: <host> }, ...]`. */
  async getAll() {
    return state.csdsEntries().map(([service, host]) => ({ [service]: host }));
  }
}

// One cache per function instance, shared by every SecretClient of the instance.
const secretCache = new Map();

class SecretClient {
  async readSecret(key, { useCache = true } = {}) {
    if (useCache && secretCache.has(key)) {
      return structuredClone(secretCache.get(key));
    }
    const entry = await state.readSecret(key);
    secretCache.set(key, structuredClone(entry));
    return entry;
  }

  async updateSecret(entry) {
    return state.updateSecret(entry);
  }
}

const csdsClient = new CsdsClient();

export const Toolbelt = {
  /** `(service, path, init)`: fetch `https://<CSDS host><path>` and return the Response. */
  LpClient() {
    return async (service, path, { appKeySecretName, method = 'GET', ...init }) => {
      const host = await csdsClient.get(service);
      return fetch(`https://${host}${path}`, { method, ...init });
    };
  },

  CsdsClient() {
    return new CsdsClient();
  },

  SecretClient() {
    return new SecretClient();
  },

  ContextServiceClient(apiKey) {
    return contextService.createContextClient({
      host: () => csdsClient.get('mavenContext'),
      apiKey,
      accountId: process.env.X_LIVEPERSON_BRAND_ID,
    });
  },
};
