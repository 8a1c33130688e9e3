// Broken on purpose: the error is swallowed; V1 failed here.
import { Toolbelt, LpServices } from "core-functions-toolbelt";
const lpClient = Toolbelt.LpClient();

async function lambda(input) {
  try {
    const response = await lpClient(LpServices.AGENT_VEP, `/api/account/${process.env.X_LIVEPERSON_BRAND_ID}/status`, {
      method: "GET",
    });
    const status = await response.json();
    return { online: status.online };
  } catch (err) {
    return { online: false };
  }
}
