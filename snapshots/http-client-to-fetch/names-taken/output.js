const { Toolbelt } = require("lp-faas-toolbelt");

// request-promise's rejection of a response with a status outside 2xx (its `simple` option).
class StatusCodeError extends Error {
  constructor(statusCode, body) {
    super(`${statusCode} - ${JSON.stringify(body)}`);
    this.name = "StatusCodeError";
    this.statusCode = statusCode;
    this.error = body;
  }
}

function readJson(text) {
  return JSON.parse(text);
}

async function lambda(input, callback) {
  // TODO(faas-migrate): V2's toolbelt has no `HTTPClient`, so this throws: remove it once the uses of `httpClient` marked below call `fetch` [http-client-to-fetch]
  const httpClient = Toolbelt.HTTPClient();
  const response = readJson(input.payload.cached);
  // TODO(faas-migrate): the name `readJson` is taken in this file: rewrite this call with `fetch` by hand [http-client-to-fetch]
  const res = await httpClient("https://api.example.com/a", { json: true, simple: false });
  const textResponse = await fetch("https://api.example.com/b");
  if (!textResponse.ok) throw new StatusCodeError(textResponse.status, await textResponse.text());
  const text = await textResponse.text();
  callback(null, { response, res, text });
}
