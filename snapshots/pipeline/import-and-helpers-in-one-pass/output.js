// An async handler without a callback: the inline require and the HTTP call are rewritten in
// the same pass, and the new import goes with the imports, above the request helpers.
import { Toolbelt } from "core-functions-toolbelt";
import template from "./template.json" with { type: "json" };

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
  const response = await fetch("https://api.example.com/items", { headers: { Accept: "application/json" } });
  if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
  const res = {
    statusCode: response.status,
    body: await readJson(response),
  };
  return { status: res.statusCode, greeting: template.greeting };
}
