const { Toolbelt } = require('lp-faas-toolbelt');

async function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();

  const result = await httpClient('https://api.example.com/v1/consents/' + input.payload.userId, {
    method: 'DELETE',
    json: true,
  });

  // the API answers 204 No Content
  callback(null, { deleted: true, body: result === undefined ? 'none' : result });
}
