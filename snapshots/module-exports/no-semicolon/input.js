function lambda(input, callback) {
  callback(null, helper())
}

function helper() {
  return 1
}

module.exports = {
  lambda,
  helper,
}
