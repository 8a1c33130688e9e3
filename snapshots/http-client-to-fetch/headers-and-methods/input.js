const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();
  const headers = { Authorization: "Bearer " + input.payload.token };
  const a = await httpClient("https://api.example.com/a", { method: "patch", headers, json: true, body: { a: 1 } });
  const b = await httpClient("https://api.example.com/b", {
    method: "POST",
    headers: { "content-type": "application/vnd.api+json", accept: "application/vnd.api+json" },
    json: true,
    body: { b: 2 },
  });
  const c = await httpClient("https://api.example.com/c", { headers: {}, json: true });
  callback(null, { a, b, c });
}
