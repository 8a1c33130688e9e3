const env = process.env;
const { env: e } = process;

function lambda(input, callback) {
  const brand = env.BRAND_ID;
  const uuid = e["LAMBDA_UUID"];
  const { CSDS_DOMAIN } = env;
  callback(null, { brand, uuid, CSDS_DOMAIN });
}
