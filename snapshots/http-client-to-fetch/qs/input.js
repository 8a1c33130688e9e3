const { Toolbelt } = require('lp-faas-toolbelt');
const API = 'https://api.example.com/stores';

async function lambda(input, callback) {
  const httpClient = Toolbelt.HTTPClient();
  const near = await httpClient(API + '/nearby', {
    qs: { radius: 25, open: true, unit: 'km', label: 'r-' + input.payload.radius },
    json: true,
  });
  const search = await httpClient('https://api.example.com/search?v=2', {
    qs: {
      q: input.payload.question,
      limit: 3,
    },
  });
  const any = await httpClient(input.payload.url, { qs: { id: 7 } });
  callback(null, { near, search, any });
}
