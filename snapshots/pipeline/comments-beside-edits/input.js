'use strict';
/* leading block */ const { /* a */ Toolbelt /* b */, LpServices: /* c */ services } = require("lp-faas-toolbelt"); // trailing
// above the destructuring
const {
  // the brand
  BRAND_ID, /* after brand */
  /* before uuid */ LAMBDA_UUID = "none", // default
} = process.env; // trailing

function lambda(input, callback) {
  const domain = process.env /* between */ .CSDS_DOMAIN; // domain
  const other = process.env[/* inside */ "BRAND_ID" /* too */];
  callback(null, { BRAND_ID, LAMBDA_UUID, domain, other, services, t: typeof Toolbelt });
}
