const KEYS = ["BRAND_ID", "MY_VAR"];

function lambda(input, callback) {
  // TODO(faas-migrate): process.env is read with a computed key; if it can be BRAND_ID, LAMBDA_UUID or CSDS_DOMAIN, use the V2 name [env-rename]
  const values = KEYS.map((key) => process.env[key]);
  callback(null, values);
}
