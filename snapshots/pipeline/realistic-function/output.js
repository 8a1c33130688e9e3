/**
 * Conversation router: asks the brand's routing service where to send a conversation.
 */
import { Toolbelt, LpServices } from "core-functions-toolbelt";

// The body as request-promise's `json: true` read it: parsed JSON, or the text itself
// when it is not JSON (undefined when empty).
async function readJson(response) {
  const text = await response.text();
  try {
    return text === "" ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}

// request-promise's rejection of a response with a status outside 2xx (its `simple` option).
class StatusCodeError extends Error {
  constructor(statusCode, body) {
    super(`${statusCode} - ${JSON.stringify(body)}`);
    this.name = "StatusCodeError";
    this.statusCode = statusCode;
    this.error = body;
  }
}

const ROUTING_URL = "https://routing.example.com/api/route";

async function lambda(input) {
  const { X_LIVEPERSON_BRAND_ID: BRAND_ID, X_LIVEPERSON_FUNCTION_UUID: LAMBDA_UUID } = process.env;
  const response = await fetch(ROUTING_URL, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ brand: BRAND_ID, function: LAMBDA_UUID, skill: input.payload.skill }),
  });
  if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
  const route = await readJson(response);
  return { skill: route.skill, service: LpServices.AGENT_VEP };
}
