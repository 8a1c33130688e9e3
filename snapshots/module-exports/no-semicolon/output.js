function lambda(input, callback) {
  callback(null, helper())
}

function helper() {
  return 1
}

export { helper }
