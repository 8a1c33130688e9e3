const { Toolbelt } = require("lp-faas-toolbelt");

function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();

  httpClient("https://api.example.com/a", { json: true })
    .then((a) => httpClient("https://api.example.com/b", { simple: false }))
    .then((b) => httpClient("https://api.example.com/c", { json: true, simple: false }))
    .then((c) => httpClient("https://api.example.com/d", { resolveWithFullResponse: true, simple: false }))
    .then((d) => callback(null, d.statusCode))
    .catch((err) => callback(err));
}
