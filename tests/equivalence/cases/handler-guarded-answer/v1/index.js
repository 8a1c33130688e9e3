async function lambda(input, callback) {
    const { Toolbelt } = require("lp-faas-toolbelt");
    const httpClient = Toolbelt.HTTPClient();
    const conversationId = input.payload.conversationId;
    let served = false;

    try {
        served = await httpClient("https://api.example.com/served/" + conversationId, { json: true });
        console.info("served: " + served);
    } catch (error) {
        console.error("could not read the served flag");
    }

    if (served) {
        callback(null, "Duplicate invocation")
    }

    try {
        await httpClient("https://api.example.com/served/" + conversationId, {
            method: "PUT",
            json: true,
            body: { served: true }
        });
    } catch (error) {
        console.error("could not store the served flag");
    }

    callback(null, `Done`);
}
