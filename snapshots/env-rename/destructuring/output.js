const { X_LIVEPERSON_BRAND_ID: BRAND_ID } = process.env;
const { X_LIVEPERSON_BRAND_ID: brand, X_LIVEPERSON_FUNCTION_UUID: LAMBDA_UUID = "none", MY_VAR } = process.env;
let {
  X_LIVEPERSON_CSDS_DOMAIN: CSDS_DOMAIN, // where CSDS lives
  "X_LIVEPERSON_FUNCTION_UUID": quotedUuid,
} = process.env;

function settings({ X_LIVEPERSON_BRAND_ID: BRAND_ID } = process.env) {
  return BRAND_ID;
}

function lambda(input, callback) {
  let CSDS_DOMAIN2;
  ({ X_LIVEPERSON_CSDS_DOMAIN: CSDS_DOMAIN2 } = process.env);
  callback(null, { BRAND_ID, brand, LAMBDA_UUID, MY_VAR, CSDS_DOMAIN, quotedUuid, CSDS_DOMAIN2, s: settings() });
}
