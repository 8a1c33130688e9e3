const { Toolbelt } = require('lp-faas-toolbelt')

async function lambda(input, callback) {
  const url = 'https://va.agentvep.liveperson.net/api/account/' + input.payload.accountId + '/logout'
  const contextHost = 'z1.context.liveperson.net'
  const length = "va.ac.liveperson.net".length
  const quoted = 'https://va.enghist.liveperson.net/it\'s `odd` ${not} a template'
  callback(null, { url, contextHost, length, quoted })
}
