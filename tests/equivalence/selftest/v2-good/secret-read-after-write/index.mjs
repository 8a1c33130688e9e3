import { Toolbelt } from "core-functions-toolbelt";
const secretClient = Toolbelt.SecretClient();

async function lambda(input) {
  const { value } = await secretClient.readSecret("counter");
  await secretClient.updateSecret({ key: "counter", value: String(Number(value) + 1) });
  const updated = await secretClient.readSecret("counter", { useCache: false });
  return { counter: updated.value };
}
