const fs = require("fs");
const crypto = require("crypto");
const { execSync } = require("child_process");

const template = fs.readFileSync(__dirname + "/template.html", "utf8");

function hashPin(pin, salt) {
    // TODO(faas-migrate): `crypto.pbkdf2Sync` blocks the event loop, stalling every invocation batched into this instance: use `await util.promisify(crypto.pbkdf2)(...)` [blocking-call]
    return crypto.pbkdf2Sync(pin, salt, 100000, 32, "sha256").toString("hex");
}

function unused() {
    return fs.readdirSync("/tmp");
}

async function lambda(input, callback) {
    // TODO(faas-migrate): `fs.readFileSync` blocks the event loop, stalling every invocation batched into this instance: use `await fs.promises.readFile(...)` [blocking-call]
    const config = JSON.parse(fs.readFileSync("/tmp/config.json", "utf8"));
    const hash = hashPin(input.payload.pin, config.salt);
    // TODO(faas-migrate): `execSync` blocks the event loop, stalling every invocation batched into this instance: use `await util.promisify(child_process.exec)(...)` [blocking-call]
    const version = execSync("node --version").toString();
    callback(null, { hash, version, template });
}
