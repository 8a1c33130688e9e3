function lambda(input, callback) {
    var brand = process.env['BRAND_ID'];
    var uuid = process.env["LAMBDA_UUID"]; // double quotes
    var domain = process.env[`CSDS_DOMAIN`];
    var maybe = process.env?.BRAND_ID;
    var hasDomain = "CSDS_DOMAIN" in process.env;
    var custom = process.env["MY_VAR"];
    callback(null, [brand, uuid, domain, maybe, hasDomain, custom]);
}
