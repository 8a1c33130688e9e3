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
  /* the CRM answers JSON */
  const response = await fetch("https://api.example.com/crm/contacts", {
    method: "POST", // create
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    // a search, really
    body: JSON.stringify({ email: input.payload.email }), // who
  });
  if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
  const contact = await readJson(response);
  /* second */
  const otherResponse = await fetch("https://api.example.com/crm/other" /* path */, { headers: { Accept: "application/json" } });
  if (!otherResponse.ok) throw new StatusCodeError(otherResponse.status, await readJson(otherResponse));
  const other = await readJson(otherResponse);
  callback(null, { contact, other });
}
