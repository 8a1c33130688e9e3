const { Toolbelt } = require("lp-faas-toolbelt");

async function getAccessToken(httpClient, clientId, clientSecret) {
    const raw = await httpClient("https://api.example.com/oauth/token", {
        method: "POST",
        form: {
            grant_type: "client_credentials",
            client_id: clientId,
            client_secret: clientSecret,
            scope: "orders:read"
        }
    });
    return JSON.parse(raw).access_token;
}

async function lambda(input, callback) {
    const httpClient = Toolbelt.HTTPClient();
    const secretClient = Toolbelt.SecretClient();
    try {
        const clientSecret = await secretClient.readSecret("orders-client-secret");
        const token = await getAccessToken(httpClient, "faas-bot", clientSecret.value);
        const orders = await httpClient("https://api.example.com/orders", {
            headers: { Authorization: "Bearer " + token },
            qs: { email: input.payload.email },
            json: true
        });
        callback(null, { count: orders.length, latest: orders.length ? orders[0].id : null });
    } catch (e) {
        callback(e, null);
    }
}
