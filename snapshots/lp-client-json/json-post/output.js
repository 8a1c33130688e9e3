const { Toolbelt, LpServices } = require("lp-faas-toolbelt");

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
    try {
        const response = await lpClient(
            LpServices.MSG_HIST,
            `/messaging_history/api/account/${process.env.BRAND_ID}/conversations/conversation/search`,
            {
                method: "POST",
                headers: { "Content-Type": "application/json" },
                body: JSON.stringify({ conversationId: input.payload.conversationId }),
            }
        );
        if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
        const result = await readJson(response);
        const logResponse = await lpClient(LpServices.MSG_HIST, "/messaging_history/api/account/1/log", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ seen: true }) });
        if (!logResponse.ok) throw new StatusCodeError(logResponse.status, await readJson(logResponse));
        callback(null, result.conversationHistoryRecords.length);
    } catch (error) {
        callback(error, null);
    }
}
