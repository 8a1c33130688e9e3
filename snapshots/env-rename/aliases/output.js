const env = process.env;
const { env: e } = process;

function lambda(input, callback) {
  const brand = env.X_LIVEPERSON_BRAND_ID;
  const uuid = e["X_LIVEPERSON_FUNCTION_UUID"];
  const { X_LIVEPERSON_CSDS_DOMAIN: CSDS_DOMAIN } = env;
  callback(null, { brand, uuid, CSDS_DOMAIN });
}
