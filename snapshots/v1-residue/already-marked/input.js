async function lambda(input) {
  // TODO(faas-migrate): rewrite this call by hand [http-client-to-fetch]
  const client = require("lp-faas-toolbelt").Toolbelt.HTTPClient();
  // TODO(faas-migrate): check this [other-rule]
  count = 1;
  return client;
}
