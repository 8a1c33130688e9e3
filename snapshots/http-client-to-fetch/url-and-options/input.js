const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const httpClient = Toolbelt.HTTPClient();
    try {
        // V1 rejects on any status outside 2xx
        const created = await httpClient("https://api.example.com/bookings", {
            method: "POST",
            json: true,
            body: { slot: input.payload.slot }
        });
        const page = await httpClient("https://api.example.com/pages/" + created.id);
        callback(null, { id: created.id, page: JSON.parse(page).title });
    } catch (err) {
        callback(null, { status: err.statusCode, message: err.message, body: err.error });
    }
}
