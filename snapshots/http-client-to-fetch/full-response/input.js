const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const httpClient = Toolbelt.HTTPClient();
    const { statusCode, headers, body } = await httpClient("https://api.example.com/v3/quotes", {
        method: "POST",
        json: true,
        body: { product: input.payload.product },
        resolveWithFullResponse: true
    });
    const response = await httpClient("https://api.example.com/v3/limits", {
        resolveWithFullResponse: true,
        simple: false
    });
    callback(null, { statusCode, requestId: headers["x-request-id"], quote: body, limits: response.statusCode === 200 ? JSON.parse(response.body) : null });
}
