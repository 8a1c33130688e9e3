const { Toolbelt } = require('lp-faas-toolbelt')
const csdsClient = Toolbelt.CsdsClient()

async function lambda(input, callback) {
  const url = `https://${await csdsClient.get('agentVep')}/api/account/` + input.payload.accountId + '/logout'
  const contextHost = await csdsClient.get('mavenContext')
  const length = (await csdsClient.get("accountConfigReadWrite")).length
  const quoted = `https://${await csdsClient.get('engHistDomain')}/it\'s \`odd\` \${not} a template`
  callback(null, { url, contextHost, length, quoted })
}
