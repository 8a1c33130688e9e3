var { Toolbelt } = require('lp-faas-toolbelt');
var httpClient = Toolbelt.HTTPClient();

function lambda(input, callback) {
  var url = 'https://api.example.com/v2/menu?store=' + input.payload.store;

  httpClient(url, { method: 'GET', simple: false, resolveWithFullResponse: false })
    .then(JSON.parse)
    .then(function (menu) {
      return menu.items.filter(function (item) {
        return item.available;
      });
    })
    .then(function (items) {
      callback(null, {
        items: items.map(function (i) { return i.name; }),
        cheapest: items.reduce(function (min, i) { return i.price < min ? i.price : min; }, Infinity),
      });
    })
    .catch(function (e) {
      callback(e, null);
    });
}
