// Uses the secret store.
const { Toolbelt } = require('lp-faas-toolbelt')
const secretClient = Toolbelt.SecretClient()

async function lambda(input, callback) {
  const { value } = await secretClient.readSecret('token')
  callback(null, value)
}
