async function lambda(input, callback) {
    for (let i = 0; i < 3; i++) {
        console.log("attempt", i);
    }
    callback(null, true);
}
