/*
 * Identify step: CRM token, customer lookup, previous conversations.
 */
const { Toolbelt, LpServices } = require("lp-faas-toolbelt");

const CRM_BASE = "https://api.example.com/crm/v2";

function lambda(input, callback) {
    const secretClient = Toolbelt.SecretClient();
    const httpClient = Toolbelt.HTTPClient();
    const lpClient = Toolbelt.LpClient();

    secretClient.readSecret("crm-client")
        .then(function (secret) {
            const creds = JSON.parse(secret.value);
            return httpClient(CRM_BASE + "/oauth/token", {
                method: "POST",
                form: { grant_type: "client_credentials", client_id: creds.id, client_secret: creds.secret }
            });
        })
        .then(function (raw) {
            const token = JSON.parse(raw).access_token;
            return httpClient(CRM_BASE + "/customers", {
                qs: { phone: input.payload.phone },
                headers: { Authorization: "Bearer " + token },
                json: true,
                simple: false,
                resolveWithFullResponse: true
            });
        })
        .then(function (search) {
            if (search.statusCode === 404) {
                return callback(null, { identified: false });
            }
            return lpClient(LpServices.MSG_HIST, "/messaging_history/api/account/" + process.env.BRAND_ID + "/conversations/consumer/search", {
                method: "POST",
                json: true,
                body: { consumer: input.payload.consumerId }
            }).then(function (history) {
                callback(null, { identified: true, name: search.body[0].firstName, previous: history._metadata.count });
            });
        })
        .catch(function (err) {
            callback(err, null);
        });
}
