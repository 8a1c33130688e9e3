async function lambda(input) {
    return new Promise((resolve, reject) => {
        const callback = (err, result) => (err === null || err === undefined ? resolve(result) : reject(err));
        (async () => {
            const items = await load(input.payload);
            items.forEach(function (item) {
                if (item.match) {
                    callback(null, item);
                }
            });
            callback(null, null);
        })().catch(reject);
    });
}
