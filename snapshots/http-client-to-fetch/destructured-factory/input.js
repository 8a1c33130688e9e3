const { Toolbelt } = require("lp-faas-toolbelt");
const { HTTPClient, SecretClient } = Toolbelt;
const { HTTPClient: Http } = Toolbelt;

async function lambda(input, callback) {
    const http = HTTPClient();
    const other = Http();
    const a = await http("https://api.example.com/a", { json: true });
    const b = await other("https://api.example.com/b", { json: true });
    callback(null, { a, b, secrets: SecretClient() !== null });
}
