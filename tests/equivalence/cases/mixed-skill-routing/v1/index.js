const { Toolbelt, LpServices } = require('lp-faas-toolbelt');

var skillCache = null;

function loadSkills(lpClient) {
  if (skillCache) {
    return Promise.resolve(skillCache);
  }
  return lpClient(LpServices.ACCOUNT_CONFIG_READ_ONLY, '/api/account/' + process.env.BRAND_ID + '/configuration/le-users/skills', {
    method: 'GET',
    json: true,
  }).then(function (skills) {
    skillCache = skills;
    return skills;
  });
}

function lambda(input, callback) {
  var lpClient = Toolbelt.LpClient();
  var httpClient = Toolbelt.HTTPClient();
  var message = input.payload.message;

  httpClient('https://api.example.com/nlu/v1/classify', {
    method: 'POST',
    json: true,
    body: { text: message, language: 'en' },
  })
    .then(function (nlu) {
      if (nlu.confidence < 0.6) {
        return callback(null, { action: 'ASK_AGAIN' });
      }
      return loadSkills(lpClient).then(function (skills) {
        var skill = skills.filter(function (s) { return s.name === nlu.intent; })[0];
        if (!skill) {
          return callback(null, { action: 'TRANSFER', skillId: process.env.DEFAULT_SKILL_ID });
        }
        callback(null, { action: 'TRANSFER', skillId: String(skill.id), intent: nlu.intent });
      });
    })
    .catch(function (err) {
      callback(err, null);
    });
}
