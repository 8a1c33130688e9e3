import { formatName } from "./format.js";
import * as lib from "./lib/index.js";
import makeClient from "./client.js";
import legacy from "./legacy.cjs";
import * as missing from "./missing.js";
import { double } from "../relative/lib/index.js";

function lambda(input, callback) {
  callback(null, [formatName(input.payload.name), lib.VERSION, makeClient(), legacy, missing, double(2)]);
}
