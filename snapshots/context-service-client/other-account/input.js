const { Toolbelt } = require('lp-faas-toolbelt')

async function lambda(input, callback) {
  const client = Toolbelt.ContextServiceClient({ apiKey: input.payload.key, accountId: input.payload.accountId })
  const fixed = Toolbelt.ContextServiceClient({ apiKey: input.payload.key, accountId: '12345678' })
  callback(null, { client, fixed })
}
