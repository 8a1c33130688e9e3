const { Toolbelt } = require("lp-faas-toolbelt");

const httpClient = Toolbelt.HTTPClient();
const STORE_URL = "https://shop-key:shop%2Fsecret@store.example.com/admin/orders.json";
const REPORTS = `https://reports:r3p0rts@reports.example.com`;
const SHARED = "https://team:t3am@shared.example.com/api";
const LEGACY = "https://old:pw@legacy.example.com/api";
const endpoints = { legacy: LEGACY };

async function lambda(input, callback) {
  const orders = await httpClient(STORE_URL, { method: "GET" });
  const report = await httpClient(REPORTS + "/daily", { json: true, qs: { day: input.payload.day } });
  const user = await httpClient(`https://admin@users.example.com/users/${input.payload.id}`, {
    json: true,
    headers: {
      "X-Trace": input.payload.trace,
    },
  });
  const token = await httpClient.post("https://ignored:creds@auth.example.com/token", {
    headers: { Authorization: "Bearer " + input.payload.token },
  });
  const headers = { "X-Api": "1" };
  const search = await httpClient({ uri: "https://svc:pw@search.example.com/q", headers, json: true });
  const based = await httpClient({ baseUrl: "https://base:b4se@base.example.com/v1/", uri: "/items" });
  const a = await httpClient(SHARED + "/a");
  const b = await httpClient(SHARED + "/b");
  const plain = await httpClient("https://example.com/pics/me@home.png");
  const legacy = await httpClient(LEGACY + "/status");
  callback(null, { orders, report, user, token, search, based, a, b, plain, legacy, endpoints });
}
