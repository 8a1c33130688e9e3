const { Toolbelt } = require("lp-faas-toolbelt");

// The body as request-promise's `json: true` read it: parsed JSON, or the text itself
// when it is not JSON (undefined when empty).
async function readJson(response) {
  const text = await response.text();
  try {
    return text === "" ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}

// request-promise's rejection of a response with a status outside 2xx (its `simple` option).
class StatusCodeError extends Error {
  constructor(statusCode, body) {
    super(`${statusCode} - ${JSON.stringify(body)}`);
    this.name = "StatusCodeError";
    this.statusCode = statusCode;
    this.error = body;
  }
}

// TODO(faas-migrate): V2's toolbelt has no `HTTPClient`, so this throws: remove it once the uses of `httpClient` marked below call `fetch` [http-client-to-fetch]
const httpClient = Toolbelt.HTTPClient();
async function lambda(input, callback) {
  const response = await fetch("https://api.example.com/profiles/" + input.payload.id, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
  const profile = await readJson(response);
  // TODO(faas-migrate): request-promise option `encoding` has no fetch equivalent this tool knows: rewrite this call with `fetch` by hand [http-client-to-fetch]
  const avatar = await httpClient("https://api.example.com/avatars/" + input.payload.id, { encoding: null });
  callback(null, { profile, avatar });
}
