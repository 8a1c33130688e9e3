/*
 * Customer lookup for the "Identify" bot step.
 * 1. get an OAuth token for the CRM (client credentials kept in a secret)
 * 2. look up the customer by phone
 * 3. count the consumer's previous conversations in messaging history
 */
const { Toolbelt, LpServices } = require("lp-faas-toolbelt");

const CRM_BASE = "https://api.example.com/crm/v2";

async function lambda(input, callback) {
    const secretClient = Toolbelt.SecretClient();
    const httpClient = Toolbelt.HTTPClient();
    const lpClient = Toolbelt.LpClient();
    const { BRAND_ID } = process.env;

    try {
        const creds = JSON.parse((await secretClient.readSecret("crm-client")).value);

        const tokenResponse = await httpClient(CRM_BASE + "/oauth/token", {
            method: "POST",
            form: { grant_type: "client_credentials", client_id: creds.id, client_secret: creds.secret }
        });
        const token = JSON.parse(tokenResponse).access_token;

        const search = await httpClient(CRM_BASE + "/customers", {
            qs: { phone: input.payload.phone },
            headers: { Authorization: "Bearer " + token },
            json: true,
            simple: false,
            resolveWithFullResponse: true
        });
        if (search.statusCode === 404 || !search.body.length) {
            return callback(null, { identified: false });
        }
        const customer = search.body[0];

        const history = await lpClient(LpServices.MSG_HIST,
            "/messaging_history/api/account/" + BRAND_ID + "/conversations/consumer/search", {
                method: "POST",
                json: true,
                body: { consumer: input.payload.consumerId, status: ["CLOSE"] }
            });

        callback(null, {
            identified: true,
            customerId: customer.id,
            name: customer.firstName,
            segment: customer.segment,
            previousConversations: history._metadata.count
        });
    } catch (err) {
        console.error("lookup failed", err.message);
        callback(err, null);
    }
}
