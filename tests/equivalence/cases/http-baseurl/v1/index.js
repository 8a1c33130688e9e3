const { Toolbelt } = require("lp-faas-toolbelt");

const API = {
  baseUrl: "https://api.example.com/warranty/v2",
  json: true,
};

async function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();

  const product = await httpClient({ ...API, uri: "/products/" + input.payload.serial });
  const claims = await httpClient({ ...API, uri: "claims", qs: { serial: input.payload.serial } });

  callback(null, {
    model: product.model,
    coveredUntil: product.coveredUntil,
    openClaims: claims.filter((c) => c.open).length,
  });
}
