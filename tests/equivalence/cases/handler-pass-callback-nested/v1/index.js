const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();

async function lambda(input, callback) {
    return processEvent(input.payload, callback);
}

async function processEvent(payload, callback) {
    if (payload.type === "lead") {
        return sendLead(payload, callback);
    }
    callback(null, { skipped: payload.type });
}

async function sendLead(payload, done) {
    try {
        const res = await httpClient("https://api.example.com/marketing/leads", {
            method: "POST",
            json: true,
            body: { email: payload.email, source: "chat" },
            resolveWithFullResponse: true,
            simple: false
        });
        if (res.statusCode !== 201) {
            return done(new Error("Lead rejected with status " + res.statusCode));
        }
        done(null, { leadId: res.body.id });
    } catch (e) {
        done(e);
    }
}
