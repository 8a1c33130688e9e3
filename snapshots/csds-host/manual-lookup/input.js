const { Toolbelt } = require('lp-faas-toolbelt');
const httpClient = Toolbelt.HTTPClient();

// resolve a service host through the CSDS REST API
async function getDomain(service) {
  const res = await httpClient(
    'https://api.liveperson.net/api/account/' + process.env.BRAND_ID + '/service/baseURI.json?version=1.0',
    { json: true }
  );
  return res.baseURIs.find((b) => b.service === service).baseURI;
}

async function engagementHistoryDomain() {
  const url = `https://${process.env.CSDS_DOMAIN}/api/account/${process.env.BRAND_ID}/service/engHistDomain/baseURI.json?version=1.0`;
  return (await httpClient(url, { json: true })).baseURI;
}

async function lambda(input, callback) {
  callback(null, { domain: await getDomain('agentVep'), history: await engagementHistoryDomain() });
}
