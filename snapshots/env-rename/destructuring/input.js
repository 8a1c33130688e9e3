const { BRAND_ID } = process.env;
const { BRAND_ID: brand, LAMBDA_UUID = "none", MY_VAR } = process.env;
let {
  CSDS_DOMAIN, // where CSDS lives
  "LAMBDA_UUID": quotedUuid,
} = process.env;

function settings({ BRAND_ID } = process.env) {
  return BRAND_ID;
}

function lambda(input, callback) {
  let CSDS_DOMAIN2;
  ({ CSDS_DOMAIN: CSDS_DOMAIN2 } = process.env);
  callback(null, { BRAND_ID, brand, LAMBDA_UUID, MY_VAR, CSDS_DOMAIN, quotedUuid, CSDS_DOMAIN2, s: settings() });
}
