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
    try {
        // V1 rejects on any status outside 2xx
        const response = await fetch("https://api.example.com/bookings", {
            method: "POST",
            headers: { "Content-Type": "application/json", Accept: "application/json" },
            body: JSON.stringify({ slot: input.payload.slot })
        });
        if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
        const created = await readJson(response);
        const pageResponse = await fetch("https://api.example.com/pages/" + created.id);
        if (!pageResponse.ok) throw new StatusCodeError(pageResponse.status, await pageResponse.text());
        const page = await pageResponse.text();
        callback(null, { id: created.id, page: JSON.parse(page).title });
    } catch (err) {
        callback(null, { status: err.statusCode, message: err.message, body: err.error });
    }
}
