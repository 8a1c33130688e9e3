// CRLF with a byte order mark
const { Toolbelt, LpServices } = require("lp-faas-toolbelt");

function lambda(input, callback) {
	const port = process.env.PORT;
	callback(null, { brand: process.env.BRAND_ID, port: port });
}
