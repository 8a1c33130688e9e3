// Entry point.
function lambda(input, callback) {
  callback(null, helper(input.payload));
}

function helper(x) {
  return x;
}

exports.lambda = lambda; // for the unit tests
// the helper, too
exports.helper = /* shared */ helper;
