'use strict'
// Agent status check

async function lambda(input, callback) {
  const { Toolbelt } = require('lp-faas-toolbelt')
  const url = `https://va.agentvep.liveperson.net/api/account/${process.env.BRAND_ID}/status`
  callback(null, url)
}
