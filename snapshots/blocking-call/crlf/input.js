const fs = require("fs");

async function lambda(input, callback) {
    callback(null, fs.existsSync("/tmp/flag"));
}
