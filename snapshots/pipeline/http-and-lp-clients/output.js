/*
 * Identify step: CRM token, customer lookup, previous conversations.
 */
import { Toolbelt, LpServices } from "core-functions-toolbelt";

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

const CRM_BASE = "https://api.example.com/crm/v2";

async function lambda(input) {
    return new Promise((resolve, reject) => {
        const callback = (err, result) => (err === null || err === undefined ? resolve(result) : reject(err));
        (async () => {
            const secretClient = Toolbelt.SecretClient();
            const lpClient = Toolbelt.LpClient();

            secretClient.readSecret("crm-client")
                .then(function (secret) {
                    const creds = JSON.parse(secret.value);
                    return fetch(CRM_BASE + "/oauth/token", {
                        method: "POST",
                        body: new URLSearchParams({ grant_type: "client_credentials", client_id: creds.id, client_secret: creds.secret })
                    }).then(async (response) => {
                        if (!response.ok) throw new StatusCodeError(response.status, await response.text());
                        return response.text();
                    });
                })
                .then(function (raw) {
                    const token = JSON.parse(raw).access_token;
                    return fetch(`${CRM_BASE}/customers?${new URLSearchParams({ phone: input.payload.phone })}`, {
                        headers: { Authorization: "Bearer " + token, Accept: "application/json" },
                    }).then(async (response) => ({
                        statusCode: response.status,
                        headers: Object.fromEntries(response.headers),
                        body: await readJson(response),
                    }));
                })
                .then(function (search) {
                    if (search.statusCode === 404) {
                        return callback(null, { identified: false });
                    }
                    return lpClient(LpServices.MSG_HIST, "/messaging_history/api/account/" + process.env.X_LIVEPERSON_BRAND_ID + "/conversations/consumer/search", {
                        method: "POST",
                        headers: { "Content-Type": "application/json" },
                        body: JSON.stringify({ consumer: input.payload.consumerId })
                    }).then(async (response) => {
                        if (!response.ok) throw new StatusCodeError(response.status, await readJson(response));
                        return readJson(response);
                    }).then(function (history) {
                        callback(null, { identified: true, name: search.body[0].firstName, previous: history._metadata.count });
                    });
                })
                .catch(function (err) {
                    callback(err, null);
                });
        })().catch(reject);
    });
}
