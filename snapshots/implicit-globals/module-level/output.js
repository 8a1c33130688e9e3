import { Toolbelt } from "core-functions-toolbelt";
import fs from "node:fs";

const secretClient = Toolbelt.SecretClient();

let endpoint;
endpoint = "https://api.example.com";
let retries;
retries = 3;

// Builds the request address.
function address(path) {
    return endpoint + path;
}

let calls;
async function lambda(input) {
    let lastInput;
    calls = 0;
    await send(input);
    await send(input);
    lastInput = input;
    return { calls, url: address("/x"), retries, same: lastInput === input };
}

async function send(input) {
    calls++;
    return fs.existsSync(input.payload.file);
}
