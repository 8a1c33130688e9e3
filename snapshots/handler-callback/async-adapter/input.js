async function lambda(input, callback) {
    const items = await load(input.payload);
    items.forEach(function (item) {
        if (item.match) {
            callback(null, item);
        }
    });
    callback(null, null);
}
