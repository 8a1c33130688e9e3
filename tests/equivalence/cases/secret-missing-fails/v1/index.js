const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const secretClient = Toolbelt.SecretClient();
    const httpClient = Toolbelt.HTTPClient();

    let apiKey;
    try {
        apiKey = (await secretClient.readSecret("translation-api-key")).value;
    } catch (e) {
        return callback(new Error("translation-api-key is not configured"), null);
    }

    const res = await httpClient("https://api.example.com/translate", {
        method: "POST",
        json: true,
        headers: { "X-Api-Key": apiKey },
        body: { text: input.payload.text, target: "en" }
    });
    callback(null, res.translation);
}
