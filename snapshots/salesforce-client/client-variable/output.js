import { Connection } from '@jsforce/jsforce-node'

const { Toolbelt } = require('lp-faas-toolbelt')

async function lambda(input, callback) {
  const conn = new Connection({ loginUrl: 'https://login.salesforce.com' })
  await conn.login(input.payload.user, input.payload.password)
  callback(null, conn.instanceUrl)
}
