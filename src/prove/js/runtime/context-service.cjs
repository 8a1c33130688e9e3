'use strict';
// A small Context Session Store client shared by both toolbelt emulations. Only the way it is
// constructed differs between V1 (`{ apiKey, accountId }`, fixed host) and V2 (`apiKey`, account
// from X_LIVEPERSON_BRAND_ID, host from CSDS `mavenContext`), so what a migration changes there is
// visible as requests: every call is an HTTP request the harness server records and answers.

const DEFAULT_SESSION = '__default__';

class RestError extends Error {
  constructor(status, message) {
    super(message);
    this.name = 'RestError';
    this.statusCode = status;
  }
}

function createContextClient({ host, apiKey, accountId }) {
  async function call(method, path, body, accepted, as) {
    const resolvedHost = await host();
    const response = await fetch(`https://${resolvedHost}/v1/account/${accountId}${path}`, {
      method,
      headers: {
        'maven-api-key': String(apiKey),
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!accepted.includes(response.status)) {
      let message = text;
      try {
        message = JSON.parse(text).message || text;
      } catch {
        // the body is not JSON: keep it as the message
      }
      throw new RestError(response.status, message);
    }
    if (as === 'json') {
      return text === '' ? undefined : JSON.parse(text);
    }
    if (as === 'value') {
      try {
        return JSON.parse(text);
      } catch {
        return text;
      }
    }
    return undefined;
  }

  const properties = (namespace, sessionId = DEFAULT_SESSION) => `/${namespace}/${sessionId}/properties`;

  return {
    async createNamespace(namespace, options = {}) {
      const query = options.ttl ? `?ttlSecond=${options.ttl}` : '';
      await call('POST', query, { name: namespace }, [204]);
      const namespaces = await this.getListOfNamespaces();
      return namespaces.find((current) => current.name === namespace);
    },
    async deleteNamespace(namespace) {
      await call('DELETE', `/${namespace}`, undefined, [204]);
    },
    async getListOfNamespaces() {
      return call('GET', '', undefined, [200], 'json');
    },
    async setPropertiesInNamespace(namespace, props, sessionId) {
      await call('PATCH', properties(namespace, sessionId), props, [204]);
      return this.getAllPropertiesInSession(namespace, sessionId);
    },
    async updatePropertiesInNamespace(namespace, props, sessionId) {
      return this.setPropertiesInNamespace(namespace, props, sessionId);
    },
    async getAllPropertiesInSession(namespace, sessionId) {
      return call('GET', properties(namespace, sessionId), undefined, [200], 'json');
    },
    async getSelectedPropertiesInSession(namespace, propertyNames, sessionId) {
      const selected = {};
      for (const name of propertyNames) {
        try {
          selected[name] = await this.getPropertyInSession(namespace, name, sessionId);
        } catch (err) {
          if (!(err instanceof RestError && err.statusCode === 404)) {
            throw err;
          }
        }
      }
      return selected;
    },
    async getPropertyInSession(namespace, name, sessionId) {
      return call('GET', `${properties(namespace, sessionId)}/${name}`, undefined, [200], 'value');
    },
    async deletePropertyInSession(namespace, name, sessionId) {
      await call('DELETE', `${properties(namespace, sessionId)}/${name}`, undefined, [204]);
    },
    async deleteSession(namespace, sessionId) {
      await call('DELETE', `${properties(namespace, sessionId)}/`, undefined, [204]);
    },
    async getListOfSessions(namespace) {
      return call('GET', `/${namespace}/session-ids`, undefined, [200], 'json');
    },
  };
}

module.exports = { createContextClient, RestError };
