/**
 * Conversation router: asks the brand's routing service where to send a conversation.
 */
import { Toolbelt, LpServices } from "core-functions-toolbelt";
// TODO(faas-migrate): V2's toolbelt has no `HTTPClient`: use the global `fetch` (mind request-promise's defaults: `json`, `simple`, `resolveWithFullResponse`) [unknown-toolbelt-api]
const httpClient = Toolbelt.HTTPClient();

const ROUTING_URL = "https://routing.example.com/api/route";

async function lambda(input) {
  const { X_LIVEPERSON_BRAND_ID: BRAND_ID, X_LIVEPERSON_FUNCTION_UUID: LAMBDA_UUID } = process.env;
  const route = await httpClient(ROUTING_URL, {
    method: "POST",
    json: true,
    body: { brand: BRAND_ID, function: LAMBDA_UUID, skill: input.payload.skill },
  });
  return { skill: route.skill, service: LpServices.AGENT_VEP };
}
