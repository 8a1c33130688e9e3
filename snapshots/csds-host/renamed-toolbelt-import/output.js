import { Toolbelt as TB } from 'core-functions-toolbelt' // the V2 toolbelt
const csdsClient = TB.CsdsClient()

async function lambda(input) {
  return `https://${await csdsClient.get('agentVep')}/api/account/${input.payload.account}`
}
