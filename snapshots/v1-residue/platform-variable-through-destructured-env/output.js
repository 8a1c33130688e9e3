// `process.env` taken from `process` by destructuring, then a V1 platform variable read
// through it: V2 does not set it, so it gets a marker (the rule runs alone here).
const { env } = process;
const { env: settings } = process;

export async function lambda(input) {
  // TODO(faas-migrate): V2 sets `X_LIVEPERSON_BRAND_ID`, not `BRAND_ID`: read `X_LIVEPERSON_BRAND_ID` [v1-residue]
  // TODO(faas-migrate): V2 sets `X_LIVEPERSON_FUNCTION_UUID`, not `LAMBDA_UUID`: read `X_LIVEPERSON_FUNCTION_UUID` [v1-residue]
  return { brand: env.BRAND_ID, function: settings.LAMBDA_UUID };
}
