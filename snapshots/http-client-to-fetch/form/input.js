const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const httpClient = Toolbelt.HTTPClient();
    const token = await httpClient("https://api.example.com/oauth/token", {
        method: "POST",
        form: { grant_type: "client_credentials", scope: "orders:read" },
        json: true
    });
    const form = { client_id: input.payload.id };
    const raw = await httpClient.post("https://api.example.com/oauth/revoke", { form });
    callback(null, { token: token.access_token, revoked: raw });
}
