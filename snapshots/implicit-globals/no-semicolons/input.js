const { Toolbelt } = require('lp-faas-toolbelt')

prefix = 'order-'

function lambda (input, callback) {
  const ids = []
  for (id of input.payload.ids) ids.push(prefix + id)
  callback(null, ids)
}

function helper () {
  value = [1, 2]
  ;[value] = value
  return value
}
