import util from "util";
import osModule from "os";

function lambda(input, callback) {
  if (input.payload.debug) util;
  for (const key of Object.keys(input.payload)) var os = osModule;
  callback(null, typeof os);
}
