async function lambda(input, callback) {
    for (let i = 0; i < 3; i++) {
        // TODO(faas-migrate): logging inside a loop: V2 keeps only 10 logs (16384 characters) per invocation; collect what matters and log once after the loop [log-limits]
        console.log("attempt", i);
    }
    callback(null, true);
}
