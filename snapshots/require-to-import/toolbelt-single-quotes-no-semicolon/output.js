// Uses the secret store.
import { Toolbelt } from 'core-functions-toolbelt'
const secretClient = Toolbelt.SecretClient()

async function lambda(input, callback) {
  const { value } = await secretClient.readSecret('token')
  callback(null, value)
}
