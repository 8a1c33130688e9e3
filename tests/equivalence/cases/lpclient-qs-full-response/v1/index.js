const { Toolbelt, LpServices } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
  const lpClient = Toolbelt.LpClient();
  const res = await lpClient(
    LpServices.ACCOUNT_CONFIG_READ_ONLY,
    "/api/account/" + process.env.BRAND_ID + "/configuration/le-campaigns/campaigns",
    { qs: { v: "3.4", fields: "name" }, json: true, simple: false, resolveWithFullResponse: true }
  );
  if (res.statusCode !== 200) {
    return callback(null, { campaigns: [], status: res.statusCode, reason: res.body.reason });
  }
  callback(null, { campaigns: res.body.map((c) => c.name), revision: res.headers["ac-revision"] });
}
