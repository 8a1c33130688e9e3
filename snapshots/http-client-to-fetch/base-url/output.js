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
  const response = await fetch(`https://api.example.com/warranty/v2/products/${input.payload.serial}`, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
  const product = await readJson(response);
  const claimsResponse = await fetch(`https://api.example.com/warranty/v2/claims?${new URLSearchParams({ serial: input.payload.serial })}`, { headers: { Accept: "application/json" } });
  if (!claimsResponse.ok) throw new StatusCodeError(claimsResponse.status, await readJson(claimsResponse));
  const claims = await readJson(claimsResponse);
  const v3Response = await fetch(`https://api.example.com/v3/models/${product.model}`, { headers: { "X-Client": "faas" } });
  if (!v3Response.ok) throw new StatusCodeError(v3Response.status, await v3Response.text());
  const v3 = await v3Response.text();
  const rootResponse = await fetch("https://api.example.com/v3/status", { headers: { "X-Client": "faas" } });
  if (!rootResponse.ok) throw new StatusCodeError(rootResponse.status, await rootResponse.text());
  const root = await rootResponse.text();
  callback(null, { product, claims, v3, root });
}
