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

const { SecretClient } = Toolbelt;

async function lambda(input, callback) {
    const response = await fetch("https://api.example.com/a", { headers: { Accept: "application/json" } });
    if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
    const a = await readJson(response);
    const bResponse = await fetch("https://api.example.com/b", { headers: { Accept: "application/json" } });
    if (!bResponse.ok) throw new StatusCodeError(bResponse.status, await readJson(bResponse));
    const b = await readJson(bResponse);
    callback(null, { a, b, secrets: SecretClient() !== null });
}
