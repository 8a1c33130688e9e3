const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();
  const { value: token } = await Toolbelt.SecretClient().readSecret("ac-bearer");

  const res = await httpClient({
    uri: `https://va.ac.liveperson.net/api/account/${process.env.BRAND_ID}/configuration/le-campaigns/campaigns`,
    qs: { v: "3.4", fields: "name" },
    headers: { Authorization: `Bearer ${token}` },
    json: true,
    resolveWithFullResponse: true,
  });

  callback(null, {
    revision: res.headers["ac-revision"],
    campaigns: res.body.map((c) => c.name),
  });
}
