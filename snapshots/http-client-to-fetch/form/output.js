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

async function lambda(input, callback) {
    const response = await fetch("https://api.example.com/oauth/token", {
        method: "POST",
        headers: { Accept: "application/json" },
        body: new URLSearchParams({ grant_type: "client_credentials", scope: "orders:read" }),
    });
    if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
    const token = await readJson(response);
    const form = { client_id: input.payload.id };
    const rawResponse = await fetch("https://api.example.com/oauth/revoke", { method: "POST", body: new URLSearchParams(form) });
    if (!rawResponse.ok) throw new StatusCodeError(rawResponse.status, await rawResponse.text());
    const raw = await rawResponse.text();
    callback(null, { token: token.access_token, revoked: raw });
}
