async function lambda(input, callback) {
    for (const item of input.payload.items) {
        // TODO(faas-migrate): logging inside a loop: V2 keeps only 10 logs (16384 characters) per invocation; collect what matters and log once after the loop [log-limits]
        console.info("item", item.id);
        if (!item.ok) {
            console.warn("bad item", item.id);
        }
    }
    input.payload.items.forEach((item) => {
        // TODO(faas-migrate): logging inside a loop: V2 keeps only 10 logs (16384 characters) per invocation; collect what matters and log once after the loop [log-limits]
        console.log(item);
    });
    let i = 0;
    while (i < 3) {
        i++;
        // TODO(faas-migrate): logging inside a loop: V2 keeps only 10 logs (16384 characters) per invocation; collect what matters and log once after the loop [log-limits]
        console.debug("retry", i);
    }
    const total = input.payload.items.reduce(function (sum, item) {
        return sum + item.count;
    }, 0);
    console.info("total", total);
    callback(null, total);
}
