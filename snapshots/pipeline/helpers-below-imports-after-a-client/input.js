// A client made between two requires: the request helpers go below the second import, with
// the setup lines above them, not between the imports.
const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();
const querystring = require("querystring");

function lambda(input, callback) {
  httpClient({ uri: "https://api.example.com/search?" + querystring.stringify({ q: input.payload.q }), json: true })
    .then((body) => callback(null, body.results))
    .catch((err) => callback(err));
}
