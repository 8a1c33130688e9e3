// A client made between two requires: the request helpers go below the second import, with
// the setup lines above them, not between the imports.
import { Toolbelt } from "core-functions-toolbelt";
import querystring from "querystring";

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

async function lambda(input) {
  const response = await fetch("https://api.example.com/search?" + querystring.stringify({ q: input.payload.q }), { headers: { Accept: "application/json" } });
  if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
  const body = await readJson(response);
  return body.results;
}
