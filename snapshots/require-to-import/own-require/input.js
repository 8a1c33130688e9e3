function require(name) {
  return { name };
}

function lambda(input, callback) {
  callback(null, require("lp-faas-toolbelt"));
}
