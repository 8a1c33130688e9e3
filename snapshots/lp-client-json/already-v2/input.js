import { Toolbelt, LpServices } from "core-functions-toolbelt";

const lpClient = Toolbelt.LpClient();

async function lambda(input) {
  const response = await lpClient(LpServices.MSG_HIST, "/messaging_history/api/account/1/search", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ consumer: input.payload.consumerId }),
  });
  if (!response.ok) throw new Error(`search failed: ${response.status}`);
  await lpClient(LpServices.MSG_HIST, "/messaging_history/api/account/1/ping", { method: "POST" });
  return response.json().then((data) => data._metadata.count);
}
