function lambda(input, callback) {
    // brand and port
    const brand = process.env.BRAND_ID;
    const port = process.env.PORT;
    callback(null, { brand, port });
}
