const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    callback(null, main(input.payload));
}

const main = async (payload) => {
    const httpClient = Toolbelt.HTTPClient();
    const res = await httpClient({
        uri: "https://api.example.com/inventory/" + payload.sku,
        json: true,
        simple: false,
        resolveWithFullResponse: true
    });
    if (res.statusCode >= 500) {
        throw new Error("Inventory service unavailable");
    }
    return { sku: payload.sku, inStock: res.body.quantity > 0 };
};
