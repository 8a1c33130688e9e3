import { Toolbelt } from 'core-functions-toolbelt';

// The body as request-promise's `json: true` read it: parsed JSON, or the text itself
// when it is not JSON (undefined when empty).
async function readJson(response) {
  const text = await response.text();
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}

// request-promise's rejection of a response with a status outside 2xx (its `simple` option).
class StatusCodeError extends Error {
  constructor(statusCode, body) {
    super(`${statusCode} - ${JSON.stringify(body)}`);
    this.name = 'StatusCodeError';
    this.statusCode = statusCode;
    this.error = body;
  }
}

async function lambda(input) {
  return new Promise((resolve, reject) => {
    const callback = (err, result) => (err === null || err === undefined ? resolve(result) : reject(err));
    (async () => {
      const url = 'https://api.example.com/accounts/' + process.env.X_LIVEPERSON_BRAND_ID + '/status';
      fetch(url, { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(1500) }).then(async (response) => {
        if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
        return readJson(response);
      })
        .then(function (status) {
          if (status.busy) {
            return callback(null, { busy: true });
          }
          callback(null, { busy: false, agents: status.agents });
        }, function (err) {
          callback(null, { busy: null, code: err.statusCode });
        });
    })().catch(reject);
  });
}
