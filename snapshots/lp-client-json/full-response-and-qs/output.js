const { Toolbelt, LpServices } = require("lp-faas-toolbelt");

// The body as request-promise's `json: true` read it: parsed JSON, or the text itself
// when it is not JSON (undefined when empty).
async function readJson(response) {
  const text = await response.text();
  try {
    return text === "" ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}

async function lambda(input, callback) {
  const lpClient = Toolbelt.LpClient();
  const response = await lpClient(LpServices.ACCOUNT_CONFIG_READ_ONLY, `/api/account/1/configuration/le-campaigns/campaigns?${new URLSearchParams({ v: "3.4", fields: "name" })}`, {});
  const res = {
    statusCode: response.status,
    headers: Object.fromEntries(response.headers),
    body: await readJson(response),
  };
  callback(null, { revision: res.headers["ac-revision"], campaigns: res.statusCode === 200 ? res.body : [] });
}
