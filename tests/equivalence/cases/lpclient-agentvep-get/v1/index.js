const { Toolbelt, LpServices } = require('lp-faas-toolbelt');
const lpClient = Toolbelt.LpClient();

function lambda(input, callback) {
  const path = '/api/account/' + process.env.BRAND_ID + '/configuration/le-users/users/' + input.payload.agentId;

  lpClient(LpServices.AGENT_VEP, path, { method: 'GET', json: true })
    .then((user) => {
      callback(null, { nickname: user.nickname, skills: user.skillIds.length });
    })
    .catch((err) => {
      console.error('agent lookup failed', err.message);
      callback(null, { nickname: null, skills: 0 });
    });
}
