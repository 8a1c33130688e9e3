const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();

async function lambda(input) {
  const status = await httpClient("https://api.example.com/status", {
    method: "GET",
    resolveWithFullResponse: true,
  });
  const { statusCode, body } = status;
  if (statusCode !== 200) {
    throw new Error(`status ${statusCode}`);
  }

  const page = await httpClient("https://api.example.com/page", {
    resolveWithFullResponse: true,
  });
  const { headers } = page;
  return { body, type: headers["content-type"] };
}
