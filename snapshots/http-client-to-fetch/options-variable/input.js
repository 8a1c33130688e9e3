const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();
  const secretClient = Toolbelt.SecretClient();
  const URL = "https://api.example.com/erp/v1/invoices";

  const options = {
    method: "GET",
    headers: {
      Accept: "application/json",
    },
    qs: { customer: input.payload.customerId },
    simple: false,
    resolveWithFullResponse: true,
  };

  const { value: apiKey } = await secretClient.readSecret("erp-api-key");
  options.headers["X-Api-Key"] = apiKey;

  const response = await httpClient(URL, options);
  if (response.statusCode !== 200) {
    return callback(null, { invoices: [], error: response.statusCode });
  }

  const requestOptions = {
    uri: "https://api.example.com/notifications/sms",
    method: "POST",
    body: { to: input.payload.phone },
    json: true,
  };
  const sent = await httpClient(requestOptions);
  callback(null, { invoices: JSON.parse(response.body).invoices, sent: sent.id });
}
