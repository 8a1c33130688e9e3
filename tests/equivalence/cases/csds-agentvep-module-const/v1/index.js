const { Toolbelt } = require('lp-faas-toolbelt');

// EMEA account, so the sy. hosts
const AGENT_VEP_HOST = 'sy.agentvep.liveperson.net';

function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();
  const url = 'https://' + AGENT_VEP_HOST + '/api/account/' + process.env.BRAND_ID + '/logout?userId=' + input.payload.agentId;

  httpClient(url, { method: 'POST', simple: false, resolveWithFullResponse: true })
    .then(function (res) {
      callback(null, { loggedOut: res.statusCode === 200, status: res.statusCode });
    })
    .catch(function (err) {
      callback(err, null);
    });
}
