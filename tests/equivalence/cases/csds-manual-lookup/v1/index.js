const { Toolbelt } = require('lp-faas-toolbelt');
const httpClient = Toolbelt.HTTPClient();

// resolve a service host through the CSDS REST API
async function getDomain(service) {
  const res = await httpClient(
    'https://api.liveperson.net/api/account/' + process.env.BRAND_ID + '/service/baseURI.json?version=1.0',
    { json: true }
  );
  const entry = res.baseURIs.find((b) => b.service === service);
  return entry.baseURI;
}

async function lambda(input, callback) {
  try {
    const domain = await getDomain('agentVep');
    const status = await httpClient(`https://${domain}/api/account/${process.env.BRAND_ID}/agent/${input.payload.agentId}/status`, {
      json: true,
    });
    callback(null, { domain: domain, state: status.state });
  } catch (e) {
    callback(e, null);
  }
}
