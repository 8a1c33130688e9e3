/**
 * Conversation router: asks the brand's routing service where to send a conversation.
 */
const { Toolbelt, LpServices } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();

const ROUTING_URL = "https://routing.example.com/api/route";

async function lambda(input, callback) {
  const { BRAND_ID, LAMBDA_UUID } = process.env;
  try {
    const route = await httpClient(ROUTING_URL, {
      method: "POST",
      json: true,
      body: { brand: BRAND_ID, function: LAMBDA_UUID, skill: input.payload.skill },
    });
    callback(null, { skill: route.skill, service: LpServices.AGENT_VEP });
  } catch (err) {
    callback(err, null);
  }
}
