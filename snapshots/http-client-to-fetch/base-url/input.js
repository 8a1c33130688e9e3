const { Toolbelt } = require("lp-faas-toolbelt");

const API = {
  baseUrl: "https://api.example.com/warranty/v2",
  json: true,
};

const SLASHED = {
  baseUrl: "https://api.example.com/v3/",
  headers: { "X-Client": "faas" },
};

async function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();
  const product = await httpClient({ ...API, uri: "/products/" + input.payload.serial });
  const claims = await httpClient({ ...API, uri: "claims", qs: { serial: input.payload.serial } });
  const v3 = await httpClient({ ...SLASHED, uri: `/models/${product.model}` });
  const root = await httpClient({ ...SLASHED, uri: "status" });
  callback(null, { product, claims, v3, root });
}
