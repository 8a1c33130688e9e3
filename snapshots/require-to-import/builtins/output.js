import fs from "fs";
import { join } from "path";
import { createHash as hash } from "node:crypto";
import fsp from "fs/promises";
import os from "os";
import { promisify } from "util";

async function lambda(input, callback) {
  callback(null, { exists: fs.existsSync(join("/", "tmp")), h: hash("sha1").update("x").digest("hex"), host: typeof os.hostname, p: typeof promisify, r: typeof fsp.readFile });
}
