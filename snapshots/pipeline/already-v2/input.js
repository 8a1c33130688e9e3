// Already a V2 function: nothing to migrate.
import { Toolbelt } from "core-functions-toolbelt";

async function lambda(input) {
  const brand = process.env.X_LIVEPERSON_BRAND_ID;
  return { ok: true, brand, echo: input.payload };
}
