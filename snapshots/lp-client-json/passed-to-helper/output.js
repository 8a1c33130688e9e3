const { Toolbelt, LpServices } = require('lp-faas-toolbelt');

// The body as request-promise's `json: true` read it: parsed JSON, or the text itself
// when it is not JSON (undefined when empty).
async function readJson(response) {
  const text = await response.text();
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}

// request-promise's rejection of a response with a status outside 2xx (its `simple` option).
class StatusCodeError extends Error {
  constructor(statusCode, body) {
    super(`${statusCode} - ${JSON.stringify(body)}`);
    this.name = 'StatusCodeError';
    this.statusCode = statusCode;
    this.error = body;
  }
}

var skillCache = null;

function loadSkills(lpClient) {
  if (skillCache) {
    return Promise.resolve(skillCache);
  }
  return lpClient(LpServices.ACCOUNT_CONFIG_READ_ONLY, '/api/account/1/configuration/le-users/skills', {
    method: 'GET',
  }).then(async (response) => {
    if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
    return readJson(response);
  }).then(function (skills) {
    skillCache = skills;
    return skills;
  });
}

async function lambda(input, callback) {
  var lpClient = Toolbelt.LpClient();
  const skills = await loadSkills(lpClient);
  callback(null, skills.length);
}
