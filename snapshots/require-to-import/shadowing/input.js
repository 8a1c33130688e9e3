const crypto = require("crypto");

function sign(key, body) {
  // the module again, for clarity
  const crypto = require("crypto");
  return crypto.createHmac("sha256", key).update(body).digest("hex");
}

function digest(hash) {
  return hash.update("x").digest("hex");
}

function lambda(input, callback) {
  function check(fs) {
    return typeof fs;
  }
  const fs = require("fs");
  callback(null, [sign("k", "b"), digest(crypto.createHash("sha1")), check(fs), fs.existsSync("/")]);
}
