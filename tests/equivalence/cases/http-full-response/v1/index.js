const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const httpClient = Toolbelt.HTTPClient();
    const response = await httpClient("https://api.example.com/v3/quotes", {
        method: "POST",
        json: true,
        body: { product: input.payload.product, zip: input.payload.zip },
        resolveWithFullResponse: true
    });

    const { statusCode, headers, body } = response;
    callback(null, {
        statusCode: statusCode,
        requestId: headers["x-request-id"],
        quoteId: body.quoteId,
        premium: body.premium
    });
}
