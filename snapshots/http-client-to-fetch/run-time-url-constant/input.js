const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();
// A top-level `URL` of the file's own: the helper does not read the global `URL`.
const URL = "https://api.example.com/v1";

async function lambda(input, callback) {
  const known = await httpClient(URL + "/status", { json: true });
  const relayed = await httpClient(input.payload.request);
  callback(null, { known, relayed });
}
