import { Toolbelt } from "core-functions-toolbelt";

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

function getCustomer(id) {
  const options = {
    headers: { Accept: "application/json" },
  };
  return fetch("https://crm.example.com/customers/" + id, options).then(async (response) => {
    if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
    return readJson(response);
  });
}

// A generic helper: its options are only known when it runs.
function requestWithRetry(options, attempt) {
  // TODO(faas-migrate): `options` may hold a URL or request options, and which is not known here: rewrite this call with `fetch` by hand [http-client-to-fetch]
  return httpClient(options).catch((err) => {
    if (attempt < 2) {
      return requestWithRetry(options, attempt + 1);
    }
    throw err;
  });
}

async function lambda(input) {
  const customer = await getCustomer(input.payload.customerId);
  const ticket = await requestWithRetry({ uri: "https://desk.example.com/tickets", method: "POST", body: customer, json: true }, 0);
  return ticket;
}
