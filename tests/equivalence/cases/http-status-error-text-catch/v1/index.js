const { Toolbelt } = require('lp-faas-toolbelt');

function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();
  httpClient('https://api.example.com/legacy/customer.asp?id=' + input.payload.id, { method: 'GET' })
    .then((body) => callback(null, { raw: body }))
    .catch((error) => {
      console.error('legacy system error', error.statusCode);
      callback(null, {
        raw: null,
        statusCode: error.statusCode,
        message: error.message,
        body: error.error,
      });
    });
}
