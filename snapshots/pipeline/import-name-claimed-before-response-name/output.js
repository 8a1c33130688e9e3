// A handler already async: the inline require and the HTTP call are rewritten in one pass. The
// import takes the name `response` first, so the full response gets another name, and
// `response.greeting` still reads the JSON file.
import { Toolbelt } from "core-functions-toolbelt";
import response from "./response.json" with { type: "json" };

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
  const fetchResponse = await fetch("https://api.example.com/items", { headers: { Accept: "application/json" } });
  if (!fetchResponse.ok) throw new StatusCodeError(fetchResponse.status, await readJson(fetchResponse));
  const res = {
    statusCode: fetchResponse.status,
    body: await readJson(fetchResponse),
  };
  return { status: res.statusCode, greeting: response.greeting };
}
