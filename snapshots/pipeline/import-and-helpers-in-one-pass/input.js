// An async handler without a callback: the inline require and the HTTP call are rewritten in
// the same pass, and the new import goes with the imports, above the request helpers.
const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();

async function lambda(input) {
  const template = require("./template.json");
  const res = await httpClient({ uri: "https://api.example.com/items", json: true, resolveWithFullResponse: true });
  return { status: res.statusCode, greeting: template.greeting };
}
