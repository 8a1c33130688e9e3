import { Toolbelt as TB } from 'core-functions-toolbelt' // the V2 toolbelt

async function lambda(input) {
  return `https://va.agentvep.liveperson.net/api/account/${input.payload.account}`
}
