const path = require("path");
const fs = require("fs");

function lambda(input, callback) {
  const template = fs.readFileSync(path.join(import.meta.dirname, "template.html"), "utf8");
  callback(null, { template, file: import.meta.filename, where: { __dirname: import.meta.dirname }, kind: typeof import.meta.dirname });
}
