function lambda(input, callback) {
  fetchMenu(input.payload.store)
    .then(JSON.parse)
    .then(function (menu) {
      return menu.items.filter(function (item) {
        return item.available;
      });
    })
    .then(function (items) {
      callback(null, { count: items.length });
    })
    .catch(function (e) {
      callback(e, null);
    });
}
