import { Toolbelt } from 'core-functions-toolbelt'
import crypto from 'crypto'

async function lambda(input, callback) {
  const { value } = await Toolbelt.SecretClient().readSecret('key')
  callback(null, crypto.createHash('sha1').update(value).digest('hex'))
}
