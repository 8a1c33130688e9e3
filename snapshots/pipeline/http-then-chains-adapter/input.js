const { Toolbelt } = require('lp-faas-toolbelt');
const httpClient = Toolbelt.HTTPClient();

function lambda(input, callback) {
  const url = 'https://api.example.com/accounts/' + process.env.BRAND_ID + '/status';
  httpClient(url, { json: true, timeout: 1500 })
    .then(function (status) {
      if (status.busy) {
        return callback(null, { busy: true });
      }
      callback(null, { busy: false, agents: status.agents });
    }, function (err) {
      callback(null, { busy: null, code: err.statusCode });
    });
}
