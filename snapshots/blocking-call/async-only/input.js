import fs from "node:fs";
import { promisify } from "node:util";
import crypto from "node:crypto";

const key = fs.readFileSync("/etc/key.pem");

async function lambda(input) {
    const data = await fs.promises.readFile("/tmp/config.json", "utf8");
    const hash = await promisify(crypto.pbkdf2)(input.payload.pin, "salt", 1000, 32, "sha256");
    return { data, hash, key };
}
