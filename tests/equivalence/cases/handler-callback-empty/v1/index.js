const { Toolbelt } = require("lp-faas-toolbelt");

/*
 * Conversation state change hook: notifies the CRM when a conversation is closed.
 * The invoker ignores the response, so we just acknowledge.
 */
async function lambda(input, callback) {
    const httpClient = Toolbelt.HTTPClient();
    const change = input.payload.changes ? input.payload.changes[0] : null;

    if (!change || change.state !== "CLOSE") {
        return callback();
    }

    await httpClient("https://api.example.com/crm/v2/activities", {
        method: "POST",
        json: true,
        body: { type: "chat-closed", conversationId: change.conversationId },
        simple: false
    });
    callback();
}
