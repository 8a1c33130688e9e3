const crypto = require("crypto");

async function lambda(input, callback) {
    // TODO(faas-migrate): `crypto.sign` blocks the event loop, stalling every invocation batched into this instance: use its asynchronous form with `await` [blocking-call]
    const signature = crypto.sign("sha256", Buffer.from(input.payload.data), input.payload.key);
    crypto.sign("sha256", Buffer.from("x"), input.payload.key, (err, sig) => callback(err, sig));
    const digest = crypto.createHash("sha256").update("x").digest("hex");
    // TODO(faas-migrate): `crypto.privateDecrypt` blocks the event loop, stalling every invocation batched into this instance: use its asynchronous form with `await` [blocking-call]
    const decrypted = crypto.privateDecrypt(input.payload.key, Buffer.from(input.payload.secret));
    callback(null, { signature, digest, decrypted });
}
