const { Toolbelt } = require('lp-faas-toolbelt');
const httpClient = Toolbelt.HTTPClient();

// resolve a service host through the CSDS REST API
async function getDomain(service) {
  // TODO(faas-migrate): hand-written CSDS lookup: in V2 use `await Toolbelt.CsdsClient().get("<service>")` (it returns the host without scheme) instead of calling the Domain API [csds-host]
  const res = await httpClient(
    'https://api.liveperson.net/api/account/' + process.env.BRAND_ID + '/service/baseURI.json?version=1.0',
    { json: true }
  );
  return res.baseURIs.find((b) => b.service === service).baseURI;
}

async function engagementHistoryDomain() {
  // TODO(faas-migrate): hand-written CSDS lookup: in V2 use `await Toolbelt.CsdsClient().get("engHistDomain")` (it returns the host without scheme) instead of calling the Domain API [csds-host]
  const url = `https://${process.env.CSDS_DOMAIN}/api/account/${process.env.BRAND_ID}/service/engHistDomain/baseURI.json?version=1.0`;
  return (await httpClient(url, { json: true })).baseURI;
}

async function lambda(input, callback) {
  callback(null, { domain: await getDomain('agentVep'), history: await engagementHistoryDomain() });
}
