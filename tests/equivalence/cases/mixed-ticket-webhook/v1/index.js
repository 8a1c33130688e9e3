// Creates a helpdesk ticket when a conversation is closed with an unresolved MCS.
// Triggered by: Messaging Conversation End
var lpf = require("lp-faas-toolbelt");

function lambda(input, callback) {
    var Toolbelt = lpf.Toolbelt;
    var secretClient = Toolbelt.SecretClient();
    var httpClient = Toolbelt.HTTPClient();
    var conversation = input.payload.general;

    if (conversation.mcs >= 0) {
        return callback(null, { ticket: false });
    }

    secretClient.readSecret("helpdesk-basic-auth").then(function (secret) {
        var options = {
            method: "POST",
            uri: "https://api.example.com/helpdesk/api/v2/tickets.json",
            headers: {
                Authorization: "Basic " + Buffer.from(secret.value).toString("base64")
            },
            body: {
                ticket: {
                    subject: "Unresolved chat " + conversation.conversationId,
                    comment: { body: "MCS " + conversation.mcs + " on account " + process.env.BRAND_ID },
                    tags: ["liveperson", "negative-mcs"]
                }
            },
            json: true,
            simple: false,
            resolveWithFullResponse: true
        };
        return httpClient(options);
    }).then(function (response) {
        if (response.statusCode === 422) {
            callback(null, { ticket: false, reason: response.body.description });
        } else {
            callback(null, { ticket: true, id: response.body.ticket.id });
        }
    }).catch(function (err) {
        callback(err, null);
    });
}
