import crypto from "crypto";
import fsModule from "fs";

function sign(key, body) {
  return crypto.createHmac("sha256", key).update(body).digest("hex");
}

function digest(hash) {
  return hash.update("x").digest("hex");
}

function lambda(input, callback) {
  function check(fs) {
    return typeof fs;
  }
  const fs = fsModule;
  callback(null, [sign("k", "b"), digest(crypto.createHash("sha1")), check(fs), fs.existsSync("/")]);
}
