const crypto = require("crypto");

async function lambda(input, callback) {
    const signature = crypto.sign("sha256", Buffer.from(input.payload.data), input.payload.key);
    crypto.sign("sha256", Buffer.from("x"), input.payload.key, (err, sig) => callback(err, sig));
    const digest = crypto.createHash("sha256").update("x").digest("hex");
    const decrypted = crypto.privateDecrypt(input.payload.key, Buffer.from(input.payload.secret));
    callback(null, { signature, digest, decrypted });
}
