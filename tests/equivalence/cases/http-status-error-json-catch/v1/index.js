const { Toolbelt } = require("lp-faas-toolbelt");

async function lambda(input, callback) {
    const httpClient = Toolbelt.HTTPClient();
    try {
        const result = await httpClient("https://api.example.com/v1/address/validate", {
            method: "POST",
            json: true,
            body: { zip: input.payload.zip, street: input.payload.street }
        });
        callback(null, { valid: true, normalized: result.normalized });
    } catch (err) {
        // request-promise rejects on any non-2xx response (StatusCodeError)
        callback(null, {
            valid: false,
            status: err.statusCode,
            message: err.message,
            code: err.error && err.error.code
        });
    }
}
