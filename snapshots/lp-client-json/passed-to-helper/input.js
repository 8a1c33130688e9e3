const { Toolbelt, LpServices } = require('lp-faas-toolbelt');

var skillCache = null;

function loadSkills(lpClient) {
  if (skillCache) {
    return Promise.resolve(skillCache);
  }
  return lpClient(LpServices.ACCOUNT_CONFIG_READ_ONLY, '/api/account/1/configuration/le-users/skills', {
    method: 'GET',
    json: true,
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
