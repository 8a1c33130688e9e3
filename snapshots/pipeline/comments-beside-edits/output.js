/* leading block */ import { /* a */ Toolbelt /* b */, LpServices as /* c */ services } from "core-functions-toolbelt"; // trailing
// above the destructuring
const {
  // the brand
  X_LIVEPERSON_BRAND_ID: BRAND_ID, /* after brand */
  /* before uuid */ X_LIVEPERSON_FUNCTION_UUID: LAMBDA_UUID = "none", // default
} = process.env; // trailing

async function lambda(input) {
  const domain = process.env /* between */ .X_LIVEPERSON_CSDS_DOMAIN; // domain
  const other = process.env[/* inside */ "X_LIVEPERSON_BRAND_ID" /* too */];
  return { BRAND_ID, LAMBDA_UUID, domain, other, services, t: typeof Toolbelt };
}
