const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();

// Forwards the closed conversation to the data warehouse. The caller only cares about success.
async function lambda(input, callback) {
    let err = null;
    try {
        await httpClient("https://api.example.com/v1/warehouse/conversations", {
            method: "POST",
            json: true,
            body: {
                conversationId: input.payload.conversationId,
                closeReason: input.payload.closeReason
            }
        });
    } catch (e) {
        console.error("warehouse push failed", e.message);
        err = e;
    }
    callback(err, null);
}
