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
  const { Toolbelt } = require("lp-faas-toolbelt");
  // the order service
  const response = await fetch("https://api.example.com/orders/" + input.payload.id);
  if (!response.ok) throw new StatusCodeError(response.status, await response.text());
  const body = await response.text();
  callback(null, body);
}
