const { Toolbelt, LpServices } = require("lp-faas-toolbelt");

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

const lpClient = Toolbelt.LpClient();

// Resolves a skill name to its id.
async function lambda(input, callback) {
  const response = await lpClient(
    LpServices.ACCOUNT_CONFIG_READ_ONLY,
    `/api/account/${process.env.BRAND_ID}/configuration/le-users/skills`,
    { method: "GET", appKeySecretName: "lp-faas-default-app-key" }
  );
  if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
  const skills = await readJson(response);
  const skill = skills.find((s) => s.name === input.payload.skillName);
  callback(null, skill ? String(skill.id) : null);
}
