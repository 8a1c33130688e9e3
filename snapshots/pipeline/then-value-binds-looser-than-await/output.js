import { Toolbelt } from "core-functions-toolbelt";
const secretClient = Toolbelt.SecretClient();

async function lambda(input) {
  const r = await secretClient.readSecret("cache");
  const value = await (r.cached || lookup(r.id));
  return value;
}

function lookup(id) {
  return Promise.resolve({ id });
}
