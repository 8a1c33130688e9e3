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

async function load(id) {
  const response = await fetch("https://api.example.com/items/" + id, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
  return readJson(response);
}

async function loadSafely(id) {
  try {
    return fetch("https://api.example.com/items/" + id, { headers: { Accept: "application/json" } }).then(async (response) => {
      if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
      return readJson(response);
    });
  } catch (err) {
    return null;
  }
}

function loadLater(id) {
  return fetch("https://api.example.com/items/" + id, { headers: { Accept: "application/json" } }).then(readJson);
}

async function lambda(input, callback) {
  const menu = JSON.parse(await fetch("https://api.example.com/menu").then((response) => response.text()));
  const [a, b] = await Promise.all([load(1), loadLater(2)]);
  if (menu.closed) await fetch("https://api.example.com/log", { method: "POST" }).then(async (response) => {
    if (!response.ok) throw new StatusCodeError(response.status, await response.text());
    return response.text();
  });
  callback(null, { menu, a, b, c: await loadSafely(3) });
}
