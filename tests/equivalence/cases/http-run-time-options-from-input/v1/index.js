const { Toolbelt } = require("lp-faas-toolbelt");
const httpClient = Toolbelt.HTTPClient();

// A relay: each step's request options come in the invocation's input, so nothing about them is
// known before the function runs.
async function lambda(input, callback) {
    const results = [];
    for (const step of input.payload.steps) {
        try {
            const answer = await httpClient(step);
            results.push(step.resolveWithFullResponse ? { status: answer.statusCode, type: answer.headers["content-type"], body: answer.body } : answer);
        } catch (err) {
            results.push({ failed: err.name, status: err.statusCode, error: err.error, message: err.message });
        }
    }
    callback(null, results);
}
