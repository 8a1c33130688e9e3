async function lambda(input) {
  const menu = JSON.parse(await fetchMenu(input.payload.store));
  const items = await menu.items.filter(function (item) {
    return item.available;
  });
  return { count: items.length };
}
