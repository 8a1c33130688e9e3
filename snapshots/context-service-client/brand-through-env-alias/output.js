// The brand is read through variables that hold process.env: it is this function's own
// account, so the call needs no review.
const { Toolbelt } = require("lp-faas-toolbelt");
const env = process.env;
const { env: settings } = process;

async function lambda(input, callback) {
    const apiKey = input.payload.key;
    const first = Toolbelt.ContextServiceClient(apiKey);
    const second = Toolbelt.ContextServiceClient(apiKey);
    callback(null, [first, second]);
}
