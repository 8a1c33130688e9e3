const path = require("path");
const fs = require("fs");

function lambda(input, callback) {
  const template = fs.readFileSync(path.join(__dirname, "template.html"), "utf8");
  callback(null, { template, file: __filename, where: { __dirname }, kind: typeof __dirname });
}
