// Broken on purpose: the second read comes from V2's secret cache and returns the old value.
import { Toolbelt } from "core-functions-toolbelt";
const secretClient = Toolbelt.SecretClient();

async function lambda(input) {
  const { value } = await secretClient.readSecret("counter");
  await secretClient.updateSecret({ key: "counter", value: String(Number(value) + 1) });
  const updated = await secretClient.readSecret("counter");
  return { counter: updated.value };
}
