const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();

async function lambda(input, callback) {
    const url = "https://api.example.com/v1/flights/" + input.payload.flight + "/status";
    const status = await httpClient(url, {
        method: "GET",
        json: true,
        simple: true,
        resolveWithFullResponse: false
    });
    callback(null, {
        flight: status.flight,
        gate: status.gate,
        delayed: status.delayMinutes > 0
    });
}
