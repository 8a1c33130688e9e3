const fs = require("fs");
const crypto = require("crypto");
const { execSync } = require("child_process");

const template = fs.readFileSync(__dirname + "/template.html", "utf8");

function hashPin(pin, salt) {
    return crypto.pbkdf2Sync(pin, salt, 100000, 32, "sha256").toString("hex");
}

function unused() {
    return fs.readdirSync("/tmp");
}

async function lambda(input, callback) {
    const config = JSON.parse(fs.readFileSync("/tmp/config.json", "utf8"));
    const hash = hashPin(input.payload.pin, config.salt);
    const version = execSync("node --version").toString();
    callback(null, { hash, version, template });
}
