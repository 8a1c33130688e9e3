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
  const secretClient = Toolbelt.SecretClient();
  const URL = "https://api.example.com/erp/v1/invoices";

  const options = {
    method: "GET",
    headers: {
      Accept: "application/json",
    },
  };

  const { value: apiKey } = await secretClient.readSecret("erp-api-key");
  options.headers["X-Api-Key"] = apiKey;

  const res = await fetch(`${URL}?${new URLSearchParams({ customer: input.payload.customerId })}`, options);
  const response = {
    statusCode: res.status,
    body: await res.text(),
  };
  if (response.statusCode !== 200) {
    return callback(null, { invoices: [], error: response.statusCode });
  }

  const requestOptions = {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ to: input.payload.phone }),
  };
  const sentResponse = await fetch("https://api.example.com/notifications/sms", requestOptions);
  if (!sentResponse.ok) throw new StatusCodeError(sentResponse.status, await readJson(sentResponse));
  const sent = await readJson(sentResponse);
  callback(null, { invoices: JSON.parse(response.body).invoices, sent: sent.id });
}
