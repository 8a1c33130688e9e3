const { Toolbelt } = require("lp-faas-toolbelt");

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

function lambda(input, callback) {
    var options = {
        method: "POST",
        headers: {
            Authorization: "Basic " + input.payload.auth,
            "Content-Type": "application/json",
            Accept: "application/json"
        },
        body: JSON.stringify({ ticket: { subject: "Chat" } }),
    };
    fetch("https://api.example.com/tickets.json", options).then(async (response) => ({
        statusCode: response.status,
        headers: Object.fromEntries(response.headers),
        body: await readJson(response),
    })).then(function (response) {
        callback(null, { status: response.statusCode, id: response.body.id });
    }).catch(function (err) {
        callback(err, null);
    });
}
