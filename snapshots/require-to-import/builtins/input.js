const fs = require("fs");
const { join } = require("path");
const { createHash: hash } = require("node:crypto");
const fsp = require("fs/promises");

async function lambda(input, callback) {
  const os = require("os");
  const { promisify } = require("util");
  callback(null, { exists: fs.existsSync(join("/", "tmp")), h: hash("sha1").update("x").digest("hex"), host: typeof os.hostname, p: typeof promisify, r: typeof fsp.readFile });
}
