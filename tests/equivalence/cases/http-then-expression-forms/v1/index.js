const { Toolbelt } = require("lp-faas-toolbelt");

function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();
  const out = {};

  httpClient("https://api.example.com/plain", { simple: false })
    .then((text) => {
      out.text = text;
      return httpClient("https://api.example.com/json-404", { json: true, simple: false });
    })
    .then((body) => {
      out.notFound = body;
      return httpClient("https://api.example.com/full", { json: true, resolveWithFullResponse: true });
    })
    .then((res) => {
      out.full = { status: res.statusCode, etag: res.headers.etag, body: res.body };
      return httpClient("https://api.example.com/broken", { json: true });
    })
    .then(() => callback(null, out))
    .catch((err) => {
      callback(null, { ...out, failed: { name: err.name, status: err.statusCode, message: err.message, error: err.error } });
    });
}
