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

async function lambda(input, callback) {
  const headers = { Authorization: "Bearer " + input.payload.token };
  const response = await fetch("https://api.example.com/a", { method: "PATCH", headers: { "Content-Type": "application/json", Accept: "application/json", ...headers }, body: JSON.stringify({ a: 1 }) });
  if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
  const a = await readJson(response);
  const bResponse = await fetch("https://api.example.com/b", {
    method: "POST",
    headers: { "content-type": "application/vnd.api+json", accept: "application/vnd.api+json" },
    body: JSON.stringify({ b: 2 }),
  });
  if (!bResponse.ok) throw new StatusCodeError(bResponse.status, await readJson(bResponse));
  const b = await readJson(bResponse);
  const cResponse = await fetch("https://api.example.com/c", { headers: { Accept: "application/json" } });
  if (!cResponse.ok) throw new StatusCodeError(cResponse.status, await readJson(cResponse));
  const c = await readJson(cResponse);
  callback(null, { a, b, c });
}
