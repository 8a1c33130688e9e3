const { Toolbelt } = require('lp-faas-toolbelt')

let prefix
prefix = 'order-'

function lambda (input, callback) {
  const ids = []
  for (const id of input.payload.ids) ids.push(prefix + id)
  callback(null, ids)
}

function helper () {
  let value
  value = [1, 2]
  ;[value] = value
  return value
}
