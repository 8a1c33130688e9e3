async function lambda(input, callback) {
    for (const item of input.payload.items) {
        console.info("item", item.id);
        if (!item.ok) {
            console.warn("bad item", item.id);
        }
    }
    input.payload.items.forEach((item) => {
        console.log(item);
    });
    let i = 0;
    while (i < 3) {
        i++;
        console.debug("retry", i);
    }
    const total = input.payload.items.reduce(function (sum, item) {
        return sum + item.count;
    }, 0);
    console.info("total", total);
    callback(null, total);
}
