const { Toolbelt } = require('lp-faas-toolbelt');

const SKILL_NAMES = { '100': 'sales', '200': 'support' };

async function lambda(input, callback) {
  const payload = input.payload;
  const httpClient = Toolbelt.HTTPClient();

  if (!payload.skillId) {
    // no skill yet, nothing to route
    callback(null, { routed: false });
  }

  const skillName = SKILL_NAMES[payload.skillId] || 'default';
  await httpClient('https://api.example.com/v1/routing-log', {
    method: 'POST',
    json: true,
    body: { skill: skillName },
  });

  callback(null, { routed: true, skill: skillName });
}
