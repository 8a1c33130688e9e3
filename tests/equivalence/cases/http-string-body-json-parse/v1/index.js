const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const httpClient = Toolbelt.HTTPClient();

    const res = await httpClient("https://api.example.com/v1/tracking/" + input.payload.trackingNumber, {
        method: "GET",
        headers: { "Accept": "application/json" }
    });
    const data = JSON.parse(res);
    const last = data.events[data.events.length - 1];

    callback(null, {
        rawType: typeof res,
        location: last.location,
        status: last.status
    });
}
