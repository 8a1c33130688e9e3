// `process.env` taken from `process` by destructuring, then a V1 platform variable read
// through it: V2 does not set it, so it gets a marker (the rule runs alone here).
const { env } = process;
const { env: settings } = process;

export async function lambda(input) {
  return { brand: env.BRAND_ID, function: settings.LAMBDA_UUID };
}
