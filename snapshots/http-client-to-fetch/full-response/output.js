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
    const response2 = await fetch("https://api.example.com/v3/quotes", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ product: input.payload.product }),
    });
    if (!response2.ok) throw new StatusCodeError(response2.status, await readJson(response2));
    const { statusCode, headers, body } = {
        statusCode: response2.status,
        headers: Object.fromEntries(response2.headers),
        body: await readJson(response2),
    };
    const response3 = await fetch("https://api.example.com/v3/limits");
    const response = {
        statusCode: response3.status,
        headers: Object.fromEntries(response3.headers),
        body: await response3.text(),
    };
    callback(null, { statusCode, requestId: headers["x-request-id"], quote: body, limits: response.statusCode === 200 ? JSON.parse(response.body) : null });
}
