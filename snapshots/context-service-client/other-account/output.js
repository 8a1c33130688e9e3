const { Toolbelt } = require('lp-faas-toolbelt')

async function lambda(input, callback) {
  const client = Toolbelt.ContextServiceClient(input.payload.key)
  const fixed = Toolbelt.ContextServiceClient(input.payload.key)
  callback(null, { client, fixed })
}
