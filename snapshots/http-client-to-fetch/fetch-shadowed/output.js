const { Toolbelt } = require("lp-faas-toolbelt");
const fetch = require("node-fetch");

async function lambda(input, callback) {
  // TODO(faas-migrate): V2's toolbelt has no `HTTPClient`, so this throws: remove it once the uses of `httpClient` marked below call `fetch` [http-client-to-fetch]
  const httpClient = Toolbelt.HTTPClient();
  // TODO(faas-migrate): the name `fetch` is taken in this file: rewrite this call with `fetch` by hand [http-client-to-fetch]
  const a = await httpClient("https://api.example.com/a");
  callback(null, { a, b: await fetch("https://api.example.com/b") });
}
