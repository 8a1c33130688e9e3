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

function lambda(input, callback) {
  fetch("https://api.example.com/a", { headers: { Accept: "application/json" } }).then(async (response) => {
    if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
    return readJson(response);
  })
    .then((a) => fetch("https://api.example.com/b").then((response) => response.text()))
    .then((b) => fetch("https://api.example.com/c", { headers: { Accept: "application/json" } }).then(readJson))
    .then((c) => fetch("https://api.example.com/d").then(async (response) => ({
      statusCode: response.status,
      headers: Object.fromEntries(response.headers),
      body: await response.text(),
    })))
    .then((d) => callback(null, d.statusCode))
    .catch((err) => callback(err));
}
