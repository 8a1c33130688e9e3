import { Toolbelt } from "lp-faas-toolbelt";
const tb = require("lp-faas-toolbelt");
const env = process.env;

function load(name) {
  return require(name);
}

async function lambda(input, callback) {
  const client = tb.Toolbelt["HTTPClient"]();
  total = 0;
  for (key in input.payload) {
    total += input.payload[key];
  }
  process.exitCode = 0;
  callback(null, { brand: env.BRAND_ID, uuid: process.env.LAMBDA_UUID, total, client });
}

module.exports = { lambda, load };
