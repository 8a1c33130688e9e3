const { formatName } = require("./format");
const lib = require("./lib");
const makeClient = require("./client");
const legacy = require("./legacy.cjs");
const missing = require("./missing");

function lambda(input, callback) {
  const { double } = require("../relative/lib/");
  callback(null, [formatName(input.payload.name), lib.VERSION, makeClient(), legacy, missing, double(2)]);
}
