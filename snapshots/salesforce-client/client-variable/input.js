const { Toolbelt } = require('lp-faas-toolbelt')
const sfClient = Toolbelt.SFClient()

async function lambda(input, callback) {
  const conn = sfClient.connectToSalesforce({ loginUrl: 'https://login.salesforce.com' })
  await conn.login(input.payload.user, input.payload.password)
  callback(null, conn.instanceUrl)
}
