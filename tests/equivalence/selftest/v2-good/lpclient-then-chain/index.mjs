import { Toolbelt, LpServices } from "core-functions-toolbelt";
const lpClient = Toolbelt.LpClient();

async function lambda(input) {
  const response = await lpClient(LpServices.AGENT_VEP, `/api/account/${process.env.X_LIVEPERSON_BRAND_ID}/status`, {
    method: "GET",
  });
  const text = await response.text();
  const status = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    throw new Error(`${response.status} - ${JSON.stringify(status)}`);
  }
  return { online: status.online };
}
