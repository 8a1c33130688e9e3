const { Toolbelt, LpServices } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
  const lpClient = Toolbelt.LpClient();
  const res = await lpClient(LpServices.ACCOUNT_CONFIG_READ_ONLY, "/api/account/1/configuration/le-campaigns/campaigns", {
    qs: { v: "3.4", fields: "name" },
    json: true,
    simple: false,
    resolveWithFullResponse: true,
  });
  callback(null, { revision: res.headers["ac-revision"], campaigns: res.statusCode === 200 ? res.body : [] });
}
