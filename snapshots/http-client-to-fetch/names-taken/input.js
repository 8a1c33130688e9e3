const { Toolbelt } = require("lp-faas-toolbelt");

function readJson(text) {
  return JSON.parse(text);
}

async function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();
  const response = readJson(input.payload.cached);
  const res = await httpClient("https://api.example.com/a", { json: true, simple: false });
  const text = await httpClient("https://api.example.com/b");
  callback(null, { response, res, text });
}
