function lambda(input, callback) {
  const mode = "use strict";
  log("x");
  "use strict";
  callback(null, mode);
}

function log() {}
