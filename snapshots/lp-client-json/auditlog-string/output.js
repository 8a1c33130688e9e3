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
    const lpClient = Toolbelt.LpClient();
    const response = await lpClient("auditLog", "/api/account/1/changes", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ fromDate: input.payload.from })
    });
    if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
    const changes = await readJson(response);
    const raw = await lpClient('auditLog', "/api/account/1/changes/raw", {});
    callback(null, { total: changes.length, raw: raw.status });
}
