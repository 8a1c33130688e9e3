const { Toolbelt } = require("lp-faas-toolbelt");

let steps = [];

async function lambda(input, callback) {
    const httpClient = Toolbelt.HTTPClient();
    steps = [];
    let offers = [];
    try {
        const response = await httpClient("https://api.example.com/offers/" + input.payload.customerId, { json: true });
        if (!response.items) {
            throw new Error("no offers");
        }
        offers = response.items.map((item) => item.code);
        steps.push("found " + offers.length + " offers");
        callback(null, offers);
    } catch (error) {
        steps.push("lookup failed: " + error.error.reason);
    } finally {
        console.info(JSON.stringify(steps));
        callback(null, offers);
    }
}
