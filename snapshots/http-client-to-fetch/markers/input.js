const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();

async function lambda(input, callback) {
    const binary = await httpClient("https://api.example.com/file", { encoding: null });
    const built = await httpClient("https://api.example.com/a", input.payload.options);
    const defaults = { json: true };
    defaults.simple = false;
    const mutated = await httpClient("https://api.example.com/b", defaults);
    const maybe = await httpClient("https://api.example.com/c", { json: input.payload.json });
    const key = "method";
    const computed = await httpClient("https://api.example.com/d", { [key]: "POST" });
    httpClient("https://api.example.com/e", {}, (err, res, body) => callback(err, body));
    const clients = { http: httpClient };
    callback(null, { binary, built, mutated, maybe, computed, clients });
}

async function download(url) {
    return httpClient(url).promise();
}
