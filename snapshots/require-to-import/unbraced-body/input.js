function lambda(input, callback) {
  if (input.payload.debug) require("util");
  for (const key of Object.keys(input.payload)) var os = require("os");
  callback(null, typeof os);
}
