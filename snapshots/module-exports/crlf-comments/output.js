// Entry point.
function lambda(input, callback) {
  callback(null, helper(input.payload));
}

function helper(x) {
  return x;
}

// for the unit tests
// the helper, too
// TODO(faas-migrate): `module` and `exports` do not exist in ES modules: use `export` here (V2 calls the top-level `lambda`, which needs no export) [module-exports]
exports.helper = /* shared */ helper;
