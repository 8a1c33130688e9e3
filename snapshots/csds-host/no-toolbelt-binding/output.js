'use strict'
// Agent status check

import { Toolbelt } from 'core-functions-toolbelt'
const csdsClient = Toolbelt.CsdsClient()

async function lambda(input, callback) {
  const { Toolbelt } = require('lp-faas-toolbelt')
  const url = `https://${await csdsClient.get('agentVep')}/api/account/${process.env.BRAND_ID}/status`
  callback(null, url)
}
