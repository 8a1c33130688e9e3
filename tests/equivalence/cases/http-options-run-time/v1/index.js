const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();

const defaults = { baseUrl: "https://crm.example.com/api/", json: true, timeout: 5000 };

// Options that are only known when the calls run: a helper receives them, adds a header, and
// the caller builds them from a shared object and the input.
async function callCrm(options, token) {
    options.headers = { ...options.headers, Authorization: `Bearer ${token}` };
    return httpClient(options);
}

async function lambda(input, callback) {
    const wantFull = input.payload.full;
    try {
        const contact = await callCrm({ ...defaults, uri: "contacts/" + input.payload.contactId, qs: { fields: "name,tier" } }, "crm-1");
        const history = await callCrm({ ...defaults, uri: "/contacts/" + contact.id + "/history", resolveWithFullResponse: wantFull, simple: !wantFull }, "crm-1");
        const note = await httpClient.post({ ...defaults, uri: "notes", body: { contact: contact.id, text: input.payload.note } });
        let missing;
        try {
            await callCrm({ ...defaults, uri: "contacts/none", method: "get" }, "crm-1");
        } catch (err) {
            missing = { name: err.name, statusCode: err.statusCode, error: err.error };
        }
        callback(null, { name: contact.name, tier: contact.tier, historyStatus: history.statusCode, entries: history.body.entries, note: note.id, missing });
    } catch (err) {
        callback(err);
    }
}
