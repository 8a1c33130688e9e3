import { Toolbelt } from "core-functions-toolbelt";
import fs from "node:fs";

const secretClient = Toolbelt.SecretClient();

endpoint = "https://api.example.com";
retries = 3;

// Builds the request address.
function address(path) {
    return endpoint + path;
}

async function lambda(input) {
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
