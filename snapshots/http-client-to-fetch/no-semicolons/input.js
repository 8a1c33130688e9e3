const { Toolbelt } = require('lp-faas-toolbelt')

async function lambda (input, callback) {
  const httpClient = Toolbelt.HTTPClient()
  const status = await httpClient('https://api.example.com/v1/flights/' + input.payload.flight, {
    method: 'GET',
    json: true
  })
  callback(null, { gate: status.gate })
}
