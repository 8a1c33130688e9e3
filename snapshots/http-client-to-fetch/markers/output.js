const { Toolbelt } = require("lp-faas-toolbelt");
// TODO(faas-migrate): V2's toolbelt has no `HTTPClient`, so this throws: remove it once the uses of `httpClient` marked below call `fetch` [http-client-to-fetch]
const httpClient = Toolbelt.HTTPClient();

async function lambda(input, callback) {
    // TODO(faas-migrate): request-promise option `encoding` has no fetch equivalent this tool knows: rewrite this call with `fetch` by hand [http-client-to-fetch]
    const binary = await httpClient("https://api.example.com/file", { encoding: null });
    // TODO(faas-migrate): the options are not an object literal: rewrite this call with `fetch` by hand [http-client-to-fetch]
    const built = await httpClient("https://api.example.com/a", input.payload.options);
    const defaults = { json: true };
    defaults.simple = false;
    // TODO(faas-migrate): the options `defaults` are changed or used elsewhere, so they are not known here: rewrite this call with `fetch` by hand [http-client-to-fetch]
    const mutated = await httpClient("https://api.example.com/b", defaults);
    // TODO(faas-migrate): `json` is not `true` or `false` here, so what the call returns is not known: rewrite this call with `fetch` by hand [http-client-to-fetch]
    const maybe = await httpClient("https://api.example.com/c", { json: input.payload.json });
    const key = "method";
    // TODO(faas-migrate): an option name is computed: rewrite this call with `fetch` by hand [http-client-to-fetch]
    const computed = await httpClient("https://api.example.com/d", { [key]: "POST" });
    // TODO(faas-migrate): the call passes a callback: rewrite this call with `fetch` by hand [http-client-to-fetch]
    httpClient("https://api.example.com/e", {}, (err, res, body) => callback(err, body));
    // TODO(faas-migrate): V2 has no HTTPClient: `httpClient` is used here other than by calling it; use `fetch` instead [http-client-to-fetch]
    const clients = { http: httpClient };
    callback(null, { binary, built, mutated, maybe, computed, clients });
}

async function download(url) {
    // TODO(faas-migrate): the request object's `.promise` is used, which a fetch promise does not have: rewrite this call with `fetch` by hand [http-client-to-fetch]
    return httpClient(url).promise();
}
