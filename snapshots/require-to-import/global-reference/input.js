// `crypto` in `newId` is Node's global Web Crypto object, not the module required in lambda.
function newId() {
  return crypto.randomUUID();
}

function lambda(input, callback) {
  const crypto = require("crypto");
  callback(null, { id: newId(), hash: crypto.createHash("md5").update(input.payload.text).digest("hex") });
}
