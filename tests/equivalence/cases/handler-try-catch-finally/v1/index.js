const { Toolbelt } = require("lp-faas-toolbelt");

let invocations = 0;

async function lambda(input, callback) {
    const httpClient = Toolbelt.HTTPClient();
    invocations++;
    try {
        const balance = await httpClient("https://api.example.com/accounts/" + input.payload.accountNumber + "/balance", {
            json: true,
            headers: { "X-Channel": "messaging" }
        });
        return callback(null, { balance: balance.amount, currency: balance.currency });
    } catch (error) {
        console.error("balance lookup failed: " + error.message);
        return callback(null, {
            balance: null,
            fallback: true,
            reason: error.statusCode || "network"
        });
    } finally {
        console.info("invocation " + invocations + " finished");
    }
}
