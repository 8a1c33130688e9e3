const { Toolbelt } = require('lp-faas-toolbelt')

async function lambda(input, callback) {
  const crypto = require('crypto')
  const { value } = await Toolbelt.SecretClient().readSecret('key')
  callback(null, crypto.createHash('sha1').update(value).digest('hex'))
}
