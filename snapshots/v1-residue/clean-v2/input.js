import { Toolbelt } from "core-functions-toolbelt";

const secretClient = Toolbelt.SecretClient();
let calls = 0;

export async function lambda(input) {
  calls += 1;
  const { value } = await secretClient.readSecret("token");
  return { brand: process.env.X_LIVEPERSON_BRAND_ID, value, calls };
}
