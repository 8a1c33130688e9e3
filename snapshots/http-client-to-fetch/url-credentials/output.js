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
const STORE_URL = "https://store.example.com/admin/orders.json";
const REPORTS = `https://reports.example.com`;
const SHARED = "https://shared.example.com/api";
const LEGACY = "https://old:pw@legacy.example.com/api";
const endpoints = { legacy: LEGACY };

async function lambda(input, callback) {
  const response = await fetch(STORE_URL, { method: "GET", headers: { Authorization: "Basic " + Buffer.from("shop-key:shop/secret").toString("base64") } });
  if (!response.ok) throw new StatusCodeError(response.status, await response.text());
  const orders = await response.text();
  const reportResponse = await fetch(`${REPORTS}/daily?${new URLSearchParams({ day: input.payload.day })}`, { headers: { Accept: "application/json", Authorization: "Basic " + Buffer.from("reports:r3p0rts").toString("base64") } });
  if (!reportResponse.ok) throw new StatusCodeError(reportResponse.status, await readJson(reportResponse));
  const report = await readJson(reportResponse);
  const userResponse = await fetch(`https://users.example.com/users/${input.payload.id}`, {
    headers: {
      "X-Trace": input.payload.trace,
      Accept: "application/json",
      Authorization: "Basic " + Buffer.from("admin:").toString("base64"),
    },
  });
  if (!userResponse.ok) throw new StatusCodeError(userResponse.status, await readJson(userResponse));
  const user = await readJson(userResponse);
  const tokenResponse = await fetch("https://auth.example.com/token", {
    method: "POST",
    headers: { Authorization: "Bearer " + input.payload.token },
  });
  if (!tokenResponse.ok) throw new StatusCodeError(tokenResponse.status, await tokenResponse.text());
  const token = await tokenResponse.text();
  const headers = { "X-Api": "1" };
  const searchResponse = await fetch("https://search.example.com/q", { headers: { Accept: "application/json", Authorization: "Basic " + Buffer.from("svc:pw").toString("base64"), ...headers } });
  if (!searchResponse.ok) throw new StatusCodeError(searchResponse.status, await readJson(searchResponse));
  const search = await readJson(searchResponse);
  const basedResponse = await fetch("https://base.example.com/v1/items", { headers: { Authorization: "Basic " + Buffer.from("base:b4se").toString("base64") } });
  if (!basedResponse.ok) throw new StatusCodeError(basedResponse.status, await basedResponse.text());
  const based = await basedResponse.text();
  const aResponse = await fetch(SHARED + "/a", { headers: { Authorization: "Basic " + Buffer.from("team:t3am").toString("base64") } });
  if (!aResponse.ok) throw new StatusCodeError(aResponse.status, await aResponse.text());
  const a = await aResponse.text();
  const bResponse = await fetch(SHARED + "/b", { headers: { Authorization: "Basic " + Buffer.from("team:t3am").toString("base64") } });
  if (!bResponse.ok) throw new StatusCodeError(bResponse.status, await bResponse.text());
  const b = await bResponse.text();
  const plainResponse = await fetch("https://example.com/pics/me@home.png");
  if (!plainResponse.ok) throw new StatusCodeError(plainResponse.status, await plainResponse.text());
  const plain = await plainResponse.text();
  // TODO(faas-migrate): `LEGACY` holds a URL with credentials (`user:password@`), which fetch refuses (request sent them as an `Authorization: Basic` header), and is also used where this rule does not rewrite it: rewrite this call with `fetch` by hand [http-client-to-fetch]
  const legacy = await httpClient(LEGACY + "/status");
  callback(null, { orders, report, user, token, search, based, a, b, plain, legacy, endpoints });
}
