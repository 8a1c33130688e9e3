const { Toolbelt } = require("lp-faas-toolbelt");

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
  const response = await fetch("https://api.example.com/status", {
    method: "GET",
  });
  if (!response.ok) throw new StatusCodeError(response.status, await response.text());
  const status = {
    statusCode: response.status,
    body: await response.text(),
  };
  const { statusCode, body } = status;
  if (statusCode !== 200) {
    throw new Error(`status ${statusCode}`);
  }

  const pageResponse = await fetch("https://api.example.com/page");
  if (!pageResponse.ok) throw new StatusCodeError(pageResponse.status, await pageResponse.text());
  const page = {
    statusCode: pageResponse.status,
    headers: Object.fromEntries(pageResponse.headers),
    body: await pageResponse.text(),
  };
  const { headers } = page;
  return { body, type: headers["content-type"] };
}
