const { Toolbelt } = require("lp-faas-toolbelt");

// The body as request-promise's `json: true` read it: parsed JSON, or the text itself
// when it is not JSON (undefined when empty).
async function readJson(response) {
    const text = await response.text();
    try {
        return text === "" ? undefined : JSON.parse(text);
    } catch {
        return text;
    }
}

// request-promise's rejection of a response with a status outside 2xx (its `simple` option).
class StatusCodeError extends Error {
    constructor(statusCode, body) {
        super(`${statusCode} - ${JSON.stringify(body)}`);
        this.name = "StatusCodeError";
        this.statusCode = statusCode;
        this.error = body;
    }
}

async function getAccessToken(clientId, clientSecret) {
    const response = await fetch("https://api.example.com/oauth/token", {
        method: "POST",
        body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret })
    });
    if (!response.ok) throw new StatusCodeError(response.status, await response.text());
    const raw = await response.text();
    return JSON.parse(raw).access_token;
}

async function lambda(input, callback) {
    const token = await getAccessToken("faas-bot", input.payload.secret);
    const response = await fetch("https://api.example.com/orders", {
        headers: { Authorization: "Bearer " + token, Accept: "application/json" },
    });
    if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
    const orders = await readJson(response);
    callback(null, orders.length);
}
