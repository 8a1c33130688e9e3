import { Toolbelt } from "core-functions-toolbelt";

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

async function lambda(input) {
  const lpClient = Toolbelt.LpClient();

  const response = await fetch("https://api.example.com/profiles/" + input.payload.id, {
    headers: { Accept: "application/json" },
  });
  if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
  const profile = await readJson(response);
  const skillsResponse = await lpClient("accountConfigReadOnly", "/api/account/123/configuration/le-users/skills", {});
  if (!skillsResponse.ok) throw new StatusCodeError(skillsResponse.status, await readJson(skillsResponse));
  const skills = await readJson(skillsResponse);
  return { name: profile.name, skills: skills.length };
}
