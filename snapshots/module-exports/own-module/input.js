const module = { exports: {} };

function lambda(input, callback) {
  callback(null, input.payload);
}

module.exports = lambda;
