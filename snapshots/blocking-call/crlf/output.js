const fs = require("fs");

async function lambda(input, callback) {
    // TODO(faas-migrate): `fs.existsSync` blocks the event loop, stalling every invocation batched into this instance: use `await fs.promises.access(...)` in a try/catch [blocking-call]
    callback(null, fs.existsSync("/tmp/flag"));
}
